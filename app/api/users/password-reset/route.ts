import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { readBody } from "@/lib/http/body";
import { clientIp } from "@/lib/http/client-ip";
import { refuseCrossSite } from "@/lib/http/cross-site";
import { rateLimitedResponse } from "@/lib/http/rate-limited";
import { json, jsonRoute } from "@/lib/http/route";
import { ENTER_VALID_EMAIL, RESET_REQUESTED } from "@/lib/password-reset/messages";
import { requestPasswordReset } from "@/lib/password-reset/request";
import { isRateLimited } from "@/lib/security/rate-limits";

export const dynamic = "force-dynamic";

// The old API's password-reset request: {"email"} → the same 200 for every address.
export const POST = jsonRoute(
  { errorKey: "error", faultMessage: "An unexpected error occurred.", faultEvent: "password_reset.failed" },
  async (req, { log }) => {
    // No credentials are taken, but another site must not make browsers mail links.
    const crossSite = refuseCrossSite(req);
    if (crossSite) return crossSite;
    const body = await readBody(req, undefined, { emptyAs: {} });
    try {
      await requestPasswordReset(body, { db: getDb(), ip: clientIp(req.headers), log });
    } catch (err) {
      if (isRateLimited(err)) {
        log.warn({ event: "password_reset.rate_limited", retryAfter: err.retryAfterSeconds }, "password reset refused: too many requests");
        return rateLimitedResponse(err);
      }
      if (isDomainError(err) && err.code === "invalid") return json(400, { email: [ENTER_VALID_EMAIL] });
      throw err;
    }
    return json(200, { message: RESET_REQUESTED });
  },
);
