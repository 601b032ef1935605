import { json } from "@/lib/http/route";
import { listPasskeys } from "@/lib/two-factor/passkeys/manage";
import { registerPasskey } from "@/lib/two-factor/passkeys/register";
import { twoFactorRoute } from "@/lib/two-factor/route";

export const dynamic = "force-dynamic";

const shape = (p: { id: number; name: string; createdAt: Date; lastUsedAt: Date | null }) => ({
  id: p.id,
  name: p.name,
  created_at: p.createdAt.toISOString(),
  last_used_at: p.lastUsedAt?.toISOString() ?? null,
});

// The account's passkeys: [{"id", "name", "created_at", "last_used_at"}].
export const GET = twoFactorRoute("passkey.list_failed", async ({ caller, ctx }) => json(200, (await listPasskeys({}, ctx)).map(shape)), {
  readsBody: false,
});

// "Add a passkey", step two: {"name", "response"} (the browser's registration response) -> 201 {"id", "name"}.
export const POST = twoFactorRoute("passkey.register_failed", async ({ caller, body, ctx }) => json(201, await registerPasskey(body, ctx)));
