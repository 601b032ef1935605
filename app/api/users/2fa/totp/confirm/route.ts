import { json } from "@/lib/http/route";
import { twoFactorRoute } from "@/lib/two-factor/route";
import { confirmTotp } from "@/lib/two-factor/totp/confirm";

export const dynamic = "force-dynamic";

// {"code"} -> {"recovery_codes": [10 codes]}; a wrong code: 400 {"error": "Invalid code."}
export const POST = twoFactorRoute("two_factor.confirm_failed", async ({ caller, body, ctx }) => {
  const { recoveryCodes } = await confirmTotp(body, ctx);
  return json(200, { recovery_codes: recoveryCodes });
});
