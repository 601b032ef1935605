// A path with a broken percent-escape (e.g. "/api/users/guides/%E0%A4%A/") makes Next fail
// while decoding the route's parameters, and it answers a bare 500 without reaching any
// handler. proxy.ts turns such a path into one 400 sentence first.

export const MALFORMED_PATH_MESSAGE = "The address is not valid.";

export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
