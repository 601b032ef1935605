import { json } from "@/lib/http/route";
import { removePasskey } from "@/lib/two-factor/passkeys/manage";
import { twoFactorRoute } from "@/lib/two-factor/route";

export const dynamic = "force-dynamic";

// Removes one of the caller's passkeys (audited, emailed).
export const DELETE = twoFactorRoute<{ id: string }>(
  "passkey.remove_failed",
  async ({ caller, ctx, route, params }) => {
    await removePasskey({ id: params.id }, ctx);
    return json(200, { detail: "Passkey removed." });
  },
  { readsBody: false },
);
