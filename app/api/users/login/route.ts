import { issueApiToken } from "@/lib/auth/api-tokens";
import { authenticateCredentials } from "@/lib/auth/authenticate";
import { deviceIdFromCookieHeader, deviceSetCookie, newDeviceId } from "@/lib/auth/device-cookie";
import { getDb } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { clientIp } from "@/lib/http/client-ip";
import { refuseCrossSite } from "@/lib/http/cross-site";
import { rateLimitedResponse } from "@/lib/http/rate-limited";
import { json, jsonRoute } from "@/lib/http/route";
import { isRateLimited, limitTokenIssuance } from "@/lib/security/rate-limits";
import { mediaStorage } from "@/lib/media/storage";
import { preferencesToApi } from "@/lib/profiles/api-shape";
import { getOwnProfile } from "@/lib/users/get-profile";

export const dynamic = "force-dynamic";

// The old token login: {"username": <username or email>, "password"} -> a DRF-style token.
// Each call issues a new key for this device; the user's other devices keep theirs
// (see lib/auth/api-tokens.ts).
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
    // A client that keeps cookies gets a device cookie (lib/auth/device-cookie.ts); the body stays the old one.
    const existingDevice = deviceIdFromCookieHeader(req.headers.get("cookie"));
    const device = existingDevice ?? newDeviceId();
    let user;
    try {
      user = await authenticateCredentials(body, { db, ip: clientIp(req.headers), device, log, via: "api" });
      await limitTokenIssuance(user.id, log);
    } catch (err) {
      if (isRateLimited(err)) return rateLimitedResponse(err);
      throw err;
    }
    const token = await issueApiToken(db, user.id, log, { ip: clientIp(req.headers), userAgent: req.headers.get("user-agent") }, {
      credentialStamp: user.credentialStamp,
    });
    const profile = await getOwnProfile(db, user.id);
    const res = json(200, {
      token,
      id: user.id,
      username: user.username,
      email: user.email ?? "", // the old API's blank email, for an account imported without one
      role: profile.role,
      active_guide: profile.activeGuide,
      // The live frontend keeps this answer as its `user` until a reload: it reads user_id
      // (Accept/Deny on guide requests), the avatar, and `locale` to switch its language.
      user_id: user.id,
      profile_image_url: profile.details.profileImage ? mediaStorage().url(profile.details.profileImage) : null,
      locale: profile.details.locale,
      preferences: preferencesToApi(profile.preference),
    });
    if (!existingDevice) res.headers.append("set-cookie", deviceSetCookie(device));
    return res;
  },
);
