import { authenticateCredentials } from "@/lib/auth/sign-in/authenticate";
import { deviceIdFromCookieHeader, deviceSetCookie, newDeviceId } from "@/lib/auth/credentials/device-cookie";
import { getDb } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { clientIp } from "@/lib/http/client-ip";
import { refuseCrossSite } from "@/lib/http/cross-site";
import { json, jsonRoute } from "@/lib/http/route";
import { apiLoginAnswer, mfaRequiredBody } from "@/lib/two-factor/challenge/api-login-answer";
import { startSecondStep } from "@/lib/two-factor/challenge/start";

export const dynamic = "force-dynamic";

// The old token login: {"username": <username or email>, "password"} -> a DRF-style token.
// Each call issues a new key for this device; the user's other devices keep theirs
// (see lib/auth/credentials/api-tokens.ts). An account with a second factor gets 401 with an
// mfa_token instead, for POST /api/users/login/2fa/ (docs/two-factor.md).
export const POST = jsonRoute(
  { errorKey: "error", faultMessage: "An unexpected error occurred during login.", faultEvent: "login.error" },
  async (req, { log }) => {
    const crossSite = refuseCrossSite(req);
    if (crossSite) {
      log.warn({ event: "login.cross_site_refused" }, "sign-in refused: posted from another site");
      return crossSite;
    }
    const body = await readBody(req);
    const db = getDb();
    // A client that keeps cookies gets a device cookie (lib/auth/credentials/device-cookie.ts); the body stays the old one.
    const existingDevice = deviceIdFromCookieHeader(req.headers.get("cookie"));
    const device = existingDevice ?? newDeviceId();
    const client = { ip: clientIp(req.headers), userAgent: req.headers.get("user-agent") };
    const user = await authenticateCredentials(body, { db, ip: client.ip, device, log, via: "api" });
    const second = await startSecondStep(db, user.id, { credentialStamp: user.credentialStamp, log });
    const res = second ? json(401, mfaRequiredBody(second)) : json(200, await apiLoginAnswer(db, user.id, { credentialStamp: user.credentialStamp, client, log }));
    if (!existingDevice) res.headers.append("set-cookie", deviceSetCookie(device));
    return res;
  },
);
