import { json } from "@/lib/http/route";
import { passkeyRegistrationOptions } from "@/lib/two-factor/passkeys/register";
import { twoFactorRoute } from "@/lib/two-factor/route";

export const dynamic = "force-dynamic";

// "Add a passkey", step one: WebAuthn creation options (a discoverable credential with user verification).
export const POST = twoFactorRoute(
  "passkey.options_failed",
  async ({ caller, ctx }) => json(200, await passkeyRegistrationOptions(ctx.db, caller.user.id)),
  { readsBody: false },
);
