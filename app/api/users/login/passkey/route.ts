import { fromSameOrigin } from "@/lib/auth/who/request";
import { startSessionAfterSecondFactor } from "@/lib/two-factor/browser-step";
import { getDb } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { refuseCrossSite } from "@/lib/http/cross-site";
import { json, jsonRoute } from "@/lib/http/route";
import { apiLoginAnswer } from "@/lib/two-factor/challenge/api-login-answer";
import { signInWithPasskey } from "@/lib/two-factor/passkeys/sign-in";

export const dynamic = "force-dynamic";

// {"response"} (the browser's assertion for the sign_in options) -> the site itself gets a
// session cookie and {"detail"}; an API client the login answer (token and all).
export const POST = jsonRoute({ errorKey: "error", faultMessage: "An unexpected error occurred during login.", faultEvent: "login.error" }, async (req, ctx) => {
  const { log } = ctx;
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const body = await readBody(req);
  const db = getDb();
  const { userId } = await signInWithPasskey(body, ctx);
  if (fromSameOrigin(req.headers)) {
    await startSessionAfterSecondFactor(userId, null);
    return json(200, { detail: "Signed in." });
  }
  return json(200, await apiLoginAnswer(db, userId, { secondFactor: true, client: { ip: ctx.ip, userAgent: ctx.userAgent ?? null }, log }));
});
