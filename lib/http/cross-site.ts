import { fromOtherSite } from "../auth/who/request";
import { CROSS_SITE_MESSAGE } from "./cross-site-message";
import { json } from "./route";

export { CROSS_SITE_MESSAGE };

/**
 * 403 for a browser request that another site made, before anything is counted or
 * read: otherwise any page could make its visitors' browsers register accounts and try
 * sign-ins from their addresses, spreading guesses or locking a school's shared address
 * out (review M6, L2). The routes that take credentials without a session call this first.
 * The platform's own other origins (CORS_ALLOWED_ORIGINS, lib/http/cors.ts) count as this site.
 */
export function refuseCrossSite(req: Request, errorKey: "error" | "detail" = "error"): Response | null {
  return fromOtherSite(req.headers) ? json(403, { [errorKey]: CROSS_SITE_MESSAGE }) : null;
}
