// Links in emails are built from configuration, never from a request's Host header
// (a forged Host would otherwise send invitees to an attacker's site).

/** PUBLIC_BASE_URL without a trailing slash; defaults to the local app. */
export function publicBaseUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = env.PUBLIC_BASE_URL?.trim() || `http://localhost:${env.PORT ?? 3000}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_BASE_URL is not a valid URL: ${raw}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`PUBLIC_BASE_URL must be an http(s) URL: ${raw}`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/** An absolute link to `path` (which starts with "/") on the public site. */
export function publicUrl(path: string, env: Record<string, string | undefined> = process.env): string {
  return `${publicBaseUrl(env)}${path}`;
}
