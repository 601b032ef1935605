// A POST to a page (a server action, with JavaScript or as a plain form) whose Origin is
// not this site. Next refuses it too, but with a bare 500 ("Invalid Server Actions
// request"); proxy.ts answers 403 with a sentence first. Same rule as Next's: the
// Origin's host against X-Forwarded-Host's first value, else Host. A POST without an
// Origin passes on to Next, which lets it through as it does (no browser sends a
// credentialed cross-site POST without one). Token pages' own forms, posted with
// `Origin: null`, were given their real origin before this check (token-page-origin.ts).

/** The host Next compares a server action's Origin with: X-Forwarded-Host's first value, else Host. */
export function actionHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
}

export function isCrossSitePagePost(method: string, pathname: string, headers: Headers): boolean {
  if (method !== "POST" || pathname === "/api" || pathname.startsWith("/api/")) return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = actionHost(headers);
  if (!host) return true;
  if (origin === "null") return true;
  return !URL.canParse(origin) || new URL(origin).host !== host;
}
