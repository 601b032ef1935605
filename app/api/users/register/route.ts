import { getDb } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { clientIp } from "@/lib/http/client-ip";
import { refuseCrossSite } from "@/lib/http/cross-site";
import { rateLimitedResponse } from "@/lib/http/rate-limited";
import { json, jsonRoute } from "@/lib/http/route";
import { isRateLimited, limitRegistration } from "@/lib/security/rate-limits";
import { registerUser } from "@/lib/users/register";

export const dynamic = "force-dynamic";

// The old platform's contract, byte for byte: see DOMAIN.md "Registration contract".
export const POST = jsonRoute(
  {
    errorKey: "error",
    faultMessage: "An unexpected error occurred during registration.",
    faultEvent: "registration.failed",
  },
  async (req, { log }) => {
    const crossSite = refuseCrossSite(req);
    if (crossSite) {
      log.warn({ event: "registration.cross_site_refused" }, "registration refused: posted from another site");
      return crossSite;
    }
    // Every attempt counts, valid or not: duplicate answers would otherwise let anyone
    // probe which usernames and emails exist at full speed.
    try {
      await limitRegistration(clientIp(req.headers));
    } catch (err) {
      if (!isRateLimited(err)) throw err;
      log.warn({ event: "registration.rate_limited", retryAfter: err.retryAfterSeconds }, "registration refused: too many attempts");
      return rateLimitedResponse(err);
    }
    const body = await readBody(req).catch((err) => {
      log.info({ event: "registration.rejected", reason: err.code ?? "invalid" }, "registration rejected");
      throw err;
    });
    await registerUser(body, getDb(), log);
    return json(201, { message: "User registered successfully." });
  },
);
