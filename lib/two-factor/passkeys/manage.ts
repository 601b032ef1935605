import type { Db } from "../../db/client";
import { inTransaction } from "../../db/transaction";
import { DomainError } from "../../errors";
import { logger, type Logger } from "../../log/logger";
import { recordTwoFactorChange } from "../notify";
import { PASSKEY_NOT_FOUND } from "./messages";

export interface PasskeyRow {
  id: number;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export function listPasskeys(db: Db, userId: number): Promise<PasskeyRow[]> {
  return db.passkey.findMany({ where: { userId }, select: { id: true, name: true, createdAt: true, lastUsedAt: true }, orderBy: { id: "asc" } });
}

/** Removes one of the account's own passkeys; audited and emailed. */
export async function removePasskey(db: Db, userId: number, rawId: unknown, log: Logger = logger): Promise<void> {
  const id = typeof rawId === "string" && /^\d{1,9}$/.test(rawId) ? Number(rawId) : typeof rawId === "number" && Number.isSafeInteger(rawId) ? rawId : null;
  if (id === null) throw new DomainError("passkey_not_found", PASSKEY_NOT_FOUND, 404);
  await inTransaction(db, async (tx) => {
    const removed = await tx.passkey.deleteMany({ where: { id, userId } });
    if (removed.count !== 1) throw new DomainError("passkey_not_found", PASSKEY_NOT_FOUND, 404);
    await recordTwoFactorChange(tx, "two_factor.passkey_removed", { userId, actorId: userId, details: { passkeyId: id } });
  });
  log.info({ event: "two_factor.passkey_removed", userId, passkeyId: id }, "passkey removed");
}
