import { getDb } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { refuseCrossSite } from "@/lib/http/cross-site";
import { json, jsonRoute } from "@/lib/http/route";
import { apiLoginAnswer } from "@/lib/two-factor/challenge/api-login-answer";
import { completeSecondStep } from "@/lib/two-factor/challenge/complete";

export const dynamic = "force-dynamic";

// The token login's second step: {"mfa_token", "code"} (an authenticator or recovery
// code) -> the login answer (token and all).
export const POST = jsonRoute(
  { errorKey: "error", faultMessage: "An unexpected error occurred during login.", faultEvent: "login.error" },
  async (req, ctx) => {
    const { log } = ctx;
    const crossSite = refuseCrossSite(req);
    if (crossSite) return crossSite;
    const body = await readBody(req);
    const db = getDb();
    const client = { ip: ctx.ip, userAgent: ctx.userAgent ?? null };
    const done = await completeSecondStep(body, ctx);
    return json(200, await apiLoginAnswer(db, done.userId, { credentialStamp: done.credentialStamp, secondFactor: true, client, log }));
  },
);
