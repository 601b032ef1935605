// Storage keys: relative paths under the media root or bucket prefix.

/** A key must stay a plain relative path: no "..", no absolute path, no backslash. */
export function isSafeMediaKey(key: string): boolean {
  if (key.length === 0 || key.length > 255 || key.startsWith("/") || key.includes("\\") || key.includes("\0")) return false;
  return key.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

/** Encodes each path segment for a URL, keeping the slashes. */
export function encodeKey(key: string): string {
  return key.split("/").map(encodeURIComponent).join("/");
}
