// Where to go after signing in or after an action: the one function that decides every
// redirect to a target a visitor supplied (`next`, next-auth's `callbackUrl`, loginUrl).
// Only a path on this site is accepted; anything else gives the fallback.
//
// The *result* is what must be safe. The URL parser removes ".", ".." and "%2e" segments
// and turns "\" into "/", so an input that looks harmless ("/.//evil.example") can
// normalise to a protocol-relative "//evil.example". Hence: refuse inputs holding a
// backslash or control character, or whose path holds a dot segment in any spelling
// (however many times percent-encoded), then check the normalised output again, raw and
// fully decoded.

const SITE = "http://same.invalid";
const MAX_LENGTH = 2000;
// Control characters (the URL parser silently drops tab and newline) and backslashes,
// raw or percent-encoded at any depth (%5c, %255c, …).
const FORBIDDEN = /[\u0000-\u001F\u007F\\]|%(25)*5c/i;

/** Percent-decoding applied until nothing changes, or null when some layer is malformed. */
function fullyDecoded(s: string): string | null {
  let current = s;
  for (let i = 0; i < 8; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null; // encoded more deeply than any real link is
}

/** Starts with exactly one "/" followed by neither "/" nor "\". */
function isSiteRelative(path: string): boolean {
  return path.startsWith("/") && path[1] !== "/" && path[1] !== "\\";
}

/** The path part (before "?" or "#"), the only part that can change where a URL points. */
function pathPart(target: string): string {
  return target.split(/[?#]/, 1)[0];
}

/** Safe in its raw and its fully decoded form: site-relative, no backslash or control character, no dot segment. */
function isSafePath(target: string): boolean {
  const raw = pathPart(target);
  if (!isSiteRelative(raw) || FORBIDDEN.test(raw)) return false;
  const decoded = fullyDecoded(raw);
  if (decoded === null || !isSiteRelative(decoded) || /[\u0000-\u001F\u007F\\]/.test(decoded)) return false;
  return !decoded.split("/").some((segment) => segment === "." || segment === "..");
}

export function safeNextPath(next: unknown, fallback = "/account"): string {
  if (typeof next !== "string" || next.length > MAX_LENGTH) return fallback;
  if (FORBIDDEN.test(next) || !isSafePath(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== SITE) return fallback;
  const result = `${url.pathname}${url.search}${url.hash}`;
  // The output is what the browser follows: check it again rather than trust the input checks.
  return result.length <= MAX_LENGTH && isSafePath(result) && new URL(result, SITE).origin === SITE ? result : fallback;
}

export function loginUrl(next?: string): string {
  const target = safeNextPath(next, "");
  return target ? `/login?${new URLSearchParams({ next: target })}` : "/login";
}
