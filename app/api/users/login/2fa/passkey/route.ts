import { getDb } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { refuseCrossSite } from "@/lib/http/cross-site";
import { json, jsonRoute } from "@/lib/http/route";
import { pendingStepToken, signInAfterSecondStep } from "@/lib/two-factor/browser-step";
import { apiLoginAnswer } from "@/lib/two-factor/challenge/api-login-answer";
import { completeSecondStepWithPasskey } from "@/lib/two-factor/challenge/complete";

export const dynamic = "force-dynamic";

// The second step with a passkey: {"mfa_token", "response"} -> the login answer; or, in a
// browser with a pending step (cookie), {"response", "trust"?} -> the session and {"detail"}.
export const POST = jsonRoute({ errorKey: "error", faultMessage: "An unexpected error occurred during login.", faultEvent: "login.error" }, async (req, ctx) => {
  const { log } = ctx;
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const raw = await readBody(req);
  const body = (raw && typeof raw === "object" && !Array.isArray(raw) ? raw : {}) as { mfa_token?: unknown; response?: unknown; trust?: unknown };
  const db = getDb();
  if (body.mfa_token !== undefined) {
    const done = await completeSecondStepWithPasskey(body, ctx);
    return json(200, await apiLoginAnswer(db, done.userId, { credentialStamp: done.credentialStamp, secondFactor: true, client: { ip: ctx.ip, userAgent: ctx.userAgent ?? null }, log }));
  }
  const done = await completeSecondStepWithPasskey({ mfa_token: await pendingStepToken(), response: body.response }, ctx);
  await signInAfterSecondStep(done, body.trust === true);
  return json(200, { detail: "Signed in." });
});
