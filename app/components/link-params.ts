/** A link page's `uid` and `token` path segments, bounded (they are looked up, never echoed). */
export async function linkParams(params: Promise<{ uid: string; token: string }>): Promise<{ uid: string; token: string }> {
  const { uid, token } = await params;
  return { uid: String(uid).slice(0, 64), token: String(token).slice(0, 128) };
}

export function formLink(form: FormData): { uid: string; token: string } {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v.slice(0, 128) : "";
  };
  return { uid: get("uid"), token: get("token") };
}
