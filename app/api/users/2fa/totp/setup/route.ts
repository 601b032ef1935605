import { json } from "@/lib/http/route";
import { twoFactorRoute } from "@/lib/two-factor/route";
import { setupTotp } from "@/lib/two-factor/totp/setup";

export const dynamic = "force-dynamic";

// {"password"} -> {"secret": "<base32>", "otpauth_url": "otpauth://totp/..."}
export const POST = twoFactorRoute("two_factor.setup_failed", async ({ caller, body, ctx }) => {
  const { secret, otpauthUrl } = await setupTotp(body, ctx);
  return json(200, { secret, otpauth_url: otpauthUrl });
});
