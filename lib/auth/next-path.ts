// Where to go after signing in. Only a path on this site is accepted: "//evil.example",
// "/\evil.example" and absolute URLs would turn /login?next=… into an open redirect.
export function safeNextPath(next: unknown, fallback = "/account"): string {
  if (typeof next !== "string" || next.length > 2000 || !next.startsWith("/")) return fallback;
  if (next.startsWith("//") || next.startsWith("/\\") || /[\u0000-\u001F\u007F]/.test(next)) return fallback;
  try {
    const url = new URL(next, "http://same.invalid");
    if (url.origin !== "http://same.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

export function loginUrl(next?: string): string {
  const target = safeNextPath(next, "");
  return target ? `/login?${new URLSearchParams({ next: target })}` : "/login";
}
