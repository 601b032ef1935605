import { json } from "@/lib/http/route";
import { disableTwoFactor } from "@/lib/two-factor/disable";
import { twoFactorRoute } from "@/lib/two-factor/route";

export const dynamic = "force-dynamic";

// {"password", "code"} -> {"detail": "Two-factor authentication is off."}
export const POST = twoFactorRoute("two_factor.disable_failed", async ({ caller, body, ctx }) => {
  await disableTwoFactor(body, ctx);
  return json(200, { detail: "Two-factor authentication is off." });
});
