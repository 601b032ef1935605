import { recordAudit } from "../audit/record";
import { endAllSessions } from "../auth/credentials/end-all-sessions";
import { checkViolation, uniqueViolation } from "../db/errors";
import { lockUser } from "../db/sql";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { maskEmail } from "../log/logger";
import { recipientLocale } from "../mail/recipient-locale";
import { killLinks } from "../one-time-links/issue";
import { mailLink } from "../one-time-links/mail-link";
import { enqueueEmail } from "../outbox/enqueue";
import type { UseCaseContext } from "../use-case/context";
import { unusablePassword } from "../users/prove-mailbox";
import { parseInput } from "../validation/parse";
import { emailChangeUndoneEmail, undoneResetLinkEmail } from "./emails";
import { EMAIL_CHANGE_UNDO_TAKEN, invalidUndoLink, USERNAME_IS_EMAIL } from "./messages";
import { confirmEmailChangeSchema } from "./schema";
import { endLaterUndoLinks, pendingUndo, spendUndo } from "./undo-link";

export interface UndoneChange {
  userId: number;
  /** The restored address (where the link to choose a new password went). */
  email: string;
}

/**
 * The old address presses "this wasn't me" in the notice of a change: the account goes
 * back to that address and to nobody else. Whoever made the change knew the password and
 * held a session, so in ONE transaction under the user's row lock: the undo link is spent
 * by its conditional UPDATE; the address is restored (proven: the link reached it); the
 * password is made unusable (its stamp also kills pending change links and sign-in
 * exchange codes, and a trigger ends trusted browsers and pending second steps); every
 * session and API token ends; passkeys and linked Google accounts, which sign in without
 * the password, are removed; other one-time links die, and so do the undo links of later
 * changes. The authenticator app and recovery codes stay: they guard the account, they do
 * not open it. A link to choose a new password goes to the restored address; the removed
 * address is told. If the restored address now belongs to another account, nothing changes.
 */
export async function undoEmailChange(input: unknown, ctx: UseCaseContext): Promise<UndoneChange> {
  const { db, log } = ctx;
  const ref = parseInput(confirmEmailChangeSchema, input);
  // Validate first: an unusable link is answered before anything is locked.
  const pending = await pendingUndo(db, ref);
  if (!pending) {
    log.info({ event: "email_change.undo_refused", reason: "invalid_link" }, "email change undo refused");
    throw invalidUndoLink();
  }
  const { userId } = pending;
  const done = await inTransaction(db, async (tx) => {
    await lockUser(tx, userId);
    const undo = await spendUndo(tx, ref);
    if (!undo) throw invalidUndoLink();
    try {
      await tx.$executeRaw`
        UPDATE "User" SET "email" = ${undo.fromEmail}, "emailVerifiedAt" = now(), "passwordHash" = ${unusablePassword()},
               "isActive" = true, "selfDeactivated" = false
        WHERE "id" = ${userId}`;
    } catch (err) {
      if (checkViolation(err) === "User_username_is_own_email") throw new DomainError("username_is_email", USERNAME_IS_EMAIL, 409);
      if (uniqueViolation(err)) throw new DomainError("email_taken", EMAIL_CHANGE_UNDO_TAKEN, 409);
      throw err;
    }
    const laterLinksEnded = await endLaterUndoLinks(tx, userId, undo.changeId);
    const ended = await endAllSessions(tx, userId);
    const passkeys = await tx.passkey.deleteMany({ where: { userId } });
    const identities = await tx.linkedIdentity.deleteMany({ where: { userId } });
    await killLinks(tx, userId, ["reset", "magic_login", "verify_email"]);
    const removed = undo.currentEmail && undo.currentEmail.toLowerCase() !== undo.fromEmail.toLowerCase() ? undo.currentEmail : null;
    await recordAudit(tx, {
      actorId: userId,
      action: "email.change_undone",
      targetType: "User",
      targetId: userId,
      details: {
        restored: maskEmail(undo.fromEmail),
        ...(removed ? { removed: maskEmail(removed) } : {}),
        sessionsEnded: ended.sessions + ended.tokens,
        passkeysRemoved: passkeys.count,
        identitiesRemoved: identities.count,
        laterUndoLinksEnded: laterLinksEnded,
      },
    });
    await mailLink(tx, { id: userId, email: undo.fromEmail }, "reset", (locale) => undoneResetLinkEmail(locale, undo.username));
    if (removed) await enqueueEmail(tx, emailChangeUndoneEmail({ username: undo.username, removedEmail: removed, locale: await recipientLocale(tx, userId) }));
    return { email: undo.fromEmail, ended: ended.sessions + ended.tokens };
  });
  log.info({ event: "email_change.undone", userId, restoredMasked: maskEmail(done.email), sessionsEnded: done.ended }, "email change undone");
  return { userId, email: done.email };
}
