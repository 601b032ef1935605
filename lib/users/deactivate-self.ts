import { recordAudit } from "../audit/record";
import { accountDeactivatedEmail } from "../mail/notices";
import { recipientLocale } from "../mail/recipient-locale";
import { enqueueEmail } from "../outbox/enqueue";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { parseInput } from "../validation/parse";
import { deactivateSchema } from "./deactivate-schema";
import { requireSignedIn, type UseCaseContext } from "../use-case/context";
import { confirmOwnPassword, passwordIn, PASSWORD_INCORRECT } from "./confirm-own-password";

// A person closes their own account for now. Every session and API token ends in the
// same transaction. Signing in again with the password reactivates it (the message
// promises so); an account deactivated by staff (setUserActive) stays closed, since that
// clears selfDeactivated. The reason goes to the audit log only, never to the logs.

export const DEACTIVATED_MESSAGE = "Account has been deactivated. You can reactivate it by logging in.";
export const DEACTIVATE_PASSWORD_REQUIRED = "Enter your password to deactivate your account.";

/**
 * The JSON API called with a browser's session cookie must send {"password"} too (review
 * N-L3: a borrowed browser or an injected script holds the cookie, not the password); an
 * API token, as the old API, need not. The page's own button is a server action behind
 * Next's origin check, so it need not either.
 */
function needsPassword(ctx: UseCaseContext): boolean {
  return ctx.adapter === "route" && ctx.credential?.kind === "browser";
}

export async function deactivateOwnAccount(input: unknown, ctx: UseCaseContext): Promise<void> {
  const userId = requireSignedIn(ctx).id;
  const { db, log } = ctx;
  const { reason } = parseInput(deactivateSchema, input);
  const verifiedHash = needsPassword(ctx)
    ? await confirmOwnPassword(db, userId, { password: passwordIn(input), ip: ctx.ip, limiters: ctx.limiters }, DEACTIVATE_PASSWORD_REQUIRED)
    : null;
  await inTransaction(db, async (tx) => {
    const rows = await tx.$queryRaw<{ id: number; username: string; email: string | null }[]>`
      UPDATE "User" SET "isActive" = false, "selfDeactivated" = true
      WHERE "id" = ${userId} AND "isActive" AND (${verifiedHash}::text IS NULL OR "passwordHash" = ${verifiedHash}::text)
      RETURNING "id", "username", "email"`;
    if (!rows[0] && verifiedHash !== null) {
      // Still active: the password changed since it was checked.
      const active = await tx.user.findFirst({ where: { id: userId, isActive: true }, select: { id: true } });
      if (active) throw new DomainError("invalid", PASSWORD_INCORRECT, 400, { password: PASSWORD_INCORRECT });
    }
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
    if (email) await enqueueEmail(tx, accountDeactivatedEmail({ username, email, locale: await recipientLocale(tx, userId) }));
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
