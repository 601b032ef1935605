import { authenticateRequestCaller, fromSameOrigin } from "@/lib/auth/who/request";
import { encodeSession, sessionCookie, sessionMaxAgeSeconds } from "@/lib/auth/credentials/session-cookie";
import { getDb } from "@/lib/db/client";
import { googleSignIn } from "@/lib/google-login/sign-in";
import { withCaller } from "@/lib/use-case/context";
import { GOOGLE_LOGIN_OK } from "@/lib/google-login/messages";
import { readBody } from "@/lib/http/body";
import { refuseCrossSite } from "@/lib/http/cross-site";
import { isDomainError } from "@/lib/errors";
import { json, jsonRoute } from "@/lib/http/route";
import { mfaRequiredBody } from "@/lib/two-factor/challenge/api-login-answer";
import { googleSecondStep } from "@/lib/two-factor/challenge/after-first-factor";

export const dynamic = "force-dynamic";

// The old API's google-login: {"token": "<Google ID token>"} → the user, a new per-device
// API token and, when the site itself calls it, a browser session (cookie). Over the
// address's or the account's budget: 429 with Retry-After, like the password route.
export const POST = jsonRoute(
  { errorKey: "error", faultMessage: "An unexpected error occurred.", faultEvent: "google_login.error" },
  async (req, ctx) => {
    const { log } = ctx;
    const crossSite = refuseCrossSite(req);
    if (crossSite) return crossSite;
    const body = await readBody(req, undefined, { emptyAs: {} });
    const browser = fromSameOrigin(req.headers);
    // The site's own request from a signed-in browser (not staff viewing as someone): the
    // caller, to whose account googleSignIn links an unlinked Google identity.
    const caller = browser ? await authenticateRequestCaller(req).catch((err) => (isDomainError(err) ? null : Promise.reject(err))) : null;
    const signedIn = caller && !caller.user.viewedBy ? withCaller(ctx, caller.user, caller.credential) : ctx;
    const result = await googleSignIn(body, { ...signedIn, browser });
    const { user } = result;
    // An account with a second factor: Google was the first step only; the token and
    // session it made never leave the server (docs/two-factor.md).
    const second = await googleSecondStep(getDb(), { userId: user.id, token: result.token, sessionSecret: result.sessionSecret, browser, log });
    if (second) return json(401, mfaRequiredBody(second));
    const res = json(200, {
      user: {
        id: user.id,
        username: user.username,
        email: user.email,
        first_name: user.firstName,
        last_name: user.lastName,
        role: user.role,
        active_guide: user.activeGuide,
      },
      token: result.token,
      message: GOOGLE_LOGIN_OK,
      new_user_created: result.newUserCreated,
      profile_created: result.profileCreated,
    });
    if (result.sessionSecret) {
      const { name, options } = sessionCookie();
      const value = await encodeSession({ id: user.id, username: user.username, email: user.email, isStaff: user.isStaff, role: user.role }, result.sessionSecret);
      const cookie = [`${name}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${sessionMaxAgeSeconds()}`, ...(options.secure ? ["Secure"] : [])];
      res.headers.append("set-cookie", cookie.join("; "));
    }
    return res;
  },
);
