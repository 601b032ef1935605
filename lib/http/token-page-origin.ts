import { actionHost } from "./cross-site-form";
import { isTokenPage } from "./security-headers";

/**
 * Token pages send `Referrer-Policy: no-referrer` (issue 11), and under that policy a
 * browser posts the page's own form, when JavaScript is off, with `Origin: null`: Next's
 * server-action check would refuse it as cross-site and the page would only work with
 * JavaScript. `Sec-Fetch-Site` is set by the browser alone (pages cannot forge it) and
 * still says where the post came from; when it says this site, the proxy gives Next the
 * request's own origin instead of "null". Anything else (a real cross-site post, a
 * browser without Fetch Metadata) keeps its Origin and stays refused.
 */
export function repairedTokenPageOrigin(method: string, pathname: string, headers: Headers): string | null {
  if (method !== "POST" || !isTokenPage(pathname)) return null;
  if (headers.get("origin") !== "null" || headers.get("sec-fetch-site") !== "same-origin") return null;
  const host = actionHost(headers);
  if (!host) return null;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
