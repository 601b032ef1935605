import { isCorsAllowedOrigin } from "../http/cors";

// Where a magic link finished for the single-page app sends the browser: an address on
// one of CORS_ALLOWED_ORIGINS (the platform's own front ends), never anywhere else (an
// open redirect would hand the code to whoever wrote the link).

/** The return address when `raw` is an http(s) URL on an allowed origin; null otherwise. */
export function appReturnTarget(raw: unknown): URL | null {
  if (typeof raw !== "string" || raw.length > 2000 || !URL.canParse(raw)) return null;
  const url = new URL(raw);
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password) return null;
  return isCorsAllowedOrigin(url.origin) ? url : null;
}

/** The return address with the code added (and any code already there replaced). */
export function withCode(target: URL, code: string): string {
  const url = new URL(target);
  url.searchParams.set("code", code);
  url.hash = "";
  return url.toString();
}
