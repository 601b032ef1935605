import { json } from "@/lib/http/route";
import { twoFactorRoute } from "@/lib/two-factor/route";
import { twoFactorStatus } from "@/lib/two-factor/status";

export const dynamic = "force-dynamic";

// {"totp": bool, "passkeys": n, "recovery_codes_left": n, "required": bool}
export const GET = twoFactorRoute(
  "two_factor.status_failed",
  async ({ caller, ctx }) => json(200, await twoFactorStatus({}, ctx)),
  { readsBody: false },
);
