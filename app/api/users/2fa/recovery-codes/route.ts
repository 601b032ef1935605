import { json } from "@/lib/http/route";
import { regenerateRecoveryCodes } from "@/lib/two-factor/recovery-codes/regenerate";
import { twoFactorRoute } from "@/lib/two-factor/route";

export const dynamic = "force-dynamic";

// {"code"} -> {"recovery_codes": [10 new codes]}; the old ones stop working.
export const POST = twoFactorRoute("two_factor.regenerate_failed", async ({ caller, body, ctx }) => {
  const { recoveryCodes } = await regenerateRecoveryCodes(body, ctx);
  return json(200, { recovery_codes: recoveryCodes });
});
