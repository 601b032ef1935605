import { z } from "zod";
import { recordAudit } from "../audit/record";
import { accountDeactivatedEmail } from "../mail/notices";
import { enqueueEmail } from "../outbox/enqueue";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { parseInput } from "../validation/parse";
import { text } from "../validation/text";

// A person closes their own account for now. Every session and API token ends in the
// same transaction. Signing in again with the password reactivates it (the message
// promises so); an account deactivated by staff (setUserActive) stays closed, since that
// clears selfDeactivated. The reason goes to the audit log only, never to the logs.

export const deactivateSchema = z.object(
  { reason: z.preprocess((v) => (v === null || v === "" ? undefined : v), text("Reason", { max: 1000 }).optional()) },
  { error: "The request body must be a JSON object." },
);

export const DEACTIVATED_MESSAGE = "Account has been deactivated. You can reactivate it by logging in.";

export async function deactivateOwnAccount(userId: number, input: unknown, db: Db, log: Logger = logger): Promise<void> {
  const { reason } = parseInput(deactivateSchema, input);
  await inTransaction(db, async (tx) => {
    const rows = await tx.$queryRaw<{ id: number; username: string; email: string | null }[]>`
      UPDATE "User" SET "isActive" = false, "selfDeactivated" = true WHERE "id" = ${userId} AND "isActive" RETURNING "id", "username", "email"`;
    if (!rows[0]) throw new DomainError("not_authenticated", "Authentication credentials were not provided.", 401);
    const sessions = await tx.session.deleteMany({ where: { userId } });
    const tokens = await tx.apiToken.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actorId: userId,
      action: "account.deactivated",
      targetType: "User",
      targetId: userId,
      notes: reason ?? null,
      details: { by: "self", sessionsEnded: sessions.count + tokens.count },
    });
    const { username, email } = rows[0];
    if (email) await enqueueEmail(tx, accountDeactivatedEmail({ username, email }));
  });
  log.info({ event: "account.deactivated", userId, by: "self", reasonGiven: reason !== undefined }, "account deactivated by its owner");
}

/**
 * Called by sign-in once the password has verified for an inactive account: reactivates
 * it when its owner deactivated it (one conditional update), otherwise false.
 */
export async function reactivateSelfDeactivated(db: Db, userId: number, log: Logger = logger): Promise<boolean> {
  const reactivated = await inTransaction(db, async (tx) => {
    const rows = await tx.$queryRaw<{ id: number }[]>`
      UPDATE "User" SET "isActive" = true, "selfDeactivated" = false
      WHERE "id" = ${userId} AND NOT "isActive" AND "selfDeactivated" RETURNING "id"`;
    if (!rows[0]) return false;
    await recordAudit(tx, { actorId: userId, action: "account.reactivated", targetType: "User", targetId: userId, details: { by: "sign_in" } });
    return true;
  });
  if (reactivated) log.info({ event: "account.reactivated", userId }, "account reactivated by signing in");
  return reactivated;
}
