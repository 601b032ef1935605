import type { Db } from "../../db/client";
import { requireSignedIn, type UseCaseContext } from "../../use-case/context";
import { fieldOf } from "../../use-case/input";
import { inTransaction } from "../../db/transaction";
import { DomainError } from "../../errors";
import { recordTwoFactorChange } from "../notify";
import { PASSKEY_NOT_FOUND } from "./messages";

export interface PasskeyRow {
  id: number;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The account's passkeys, oldest first (the security page reads them the same way). */
export function passkeysOf(db: Db, userId: number): Promise<PasskeyRow[]> {
  return db.passkey.findMany({ where: { userId }, select: { id: true, name: true, createdAt: true, lastUsedAt: true }, orderBy: { id: "asc" } });
}

/** GET /api/users/2fa/passkeys/: the signed-in account's own passkeys. No input. */
export async function listPasskeys(_input: unknown, ctx: UseCaseContext): Promise<PasskeyRow[]> {
  return passkeysOf(ctx.db, requireSignedIn(ctx).id);
}

/** Removes one of the account's own passkeys ({"id"}); audited and emailed. Any other id is "not found". */
export async function removePasskey(input: unknown, ctx: UseCaseContext): Promise<void> {
  const userId = requireSignedIn(ctx).id;
  const { db, log } = ctx;
  const rawId = fieldOf(input, "id");
  const id = typeof rawId === "string" && /^\d{1,9}$/.test(rawId) ? Number(rawId) : typeof rawId === "number" && Number.isSafeInteger(rawId) ? rawId : null;
  if (id === null) throw new DomainError("passkey_not_found", PASSKEY_NOT_FOUND, 404);
  await inTransaction(db, async (tx) => {
    const removed = await tx.passkey.deleteMany({ where: { id, userId } });
    if (removed.count !== 1) throw new DomainError("passkey_not_found", PASSKEY_NOT_FOUND, 404);
    await recordTwoFactorChange(tx, "two_factor.passkey_removed", { userId, actorId: userId, details: { passkeyId: id } });
  });
  log.info({ event: "two_factor.passkey_removed", userId, passkeyId: id }, "passkey removed");
}
