import { getDb } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { refuseCrossSite } from "@/lib/http/cross-site";
import { json, jsonRoute } from "@/lib/http/route";
import { pendingStepToken } from "@/lib/two-factor/browser-step";
import { livePendingStep } from "@/lib/two-factor/challenge/complete";
import { passkeyRequestOptions } from "@/lib/two-factor/passkeys/authenticate";

export const dynamic = "force-dynamic";

// The second step with a passkey, options: {"mfa_token"} (API) or this browser's pending
// step (cookie) -> request options for that account's passkeys.
export const POST = jsonRoute({ errorKey: "error", faultMessage: "An unexpected error occurred during login.", faultEvent: "login.error" }, async (req, ctx) => {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const body = (await readBody(req, undefined, { emptyAs: {} })) as { mfa_token?: unknown } | null;
  const db = getDb();
  const token = (body && typeof body === "object" ? body.mfa_token : undefined) ?? (await pendingStepToken());
  const step = await livePendingStep(ctx, token);
  return json(200, await passkeyRequestOptions(db, "second_step", step.userId));
});
