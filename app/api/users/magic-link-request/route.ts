import { getDb } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { clientIp } from "@/lib/http/client-ip";
import { refuseCrossSite } from "@/lib/http/cross-site";
import { rateLimitedResponse } from "@/lib/http/rate-limited";
import { json, jsonRoute } from "@/lib/http/route";
import { MAGIC_LINK_SENT } from "@/lib/magic-link/messages";
import { requestMagicLink } from "@/lib/magic-link/request";
import { isRateLimited } from "@/lib/security/rate-limits";

export const dynamic = "force-dynamic";

// The old API's magic-link request: {"email"} → the same 200 for every address;
// missing email → 400 {"error": "Email field is required."} (jsonRoute's shape).
export const POST = jsonRoute(
  { errorKey: "error", faultMessage: "An unexpected error occurred.", faultEvent: "magic_link.failed" },
  async (req, { log }) => {
    const crossSite = refuseCrossSite(req);
    if (crossSite) return crossSite;
    const body = await readBody(req, undefined, { emptyAs: {} });
    try {
      await requestMagicLink(body, { db: getDb(), ip: clientIp(req.headers), log });
    } catch (err) {
      if (isRateLimited(err)) {
        log.warn({ event: "magic_link.rate_limited", retryAfter: err.retryAfterSeconds }, "magic link refused: too many requests");
        return rateLimitedResponse(err);
      }
      throw err;
    }
    return json(200, { detail: MAGIC_LINK_SENT });
  },
);
