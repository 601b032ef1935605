import { recordAudit } from "../audit/record";
import { passwordChangedEmail } from "../mail/notices";
import { recipientLocale } from "../mail/recipient-locale";
import { enqueueEmail } from "../outbox/enqueue";
import { endAllSessions } from "../auth/credentials/end-all-sessions";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { consumeLink } from "../one-time-links/consume";
import { killLinks } from "../one-time-links/issue";
import { hashPassword } from "../users/password-hash";
import { passwordProblems } from "../users/password-policy";
import { parseInput } from "../validation/parse";
import { invalidResetLink } from "./messages";
import { resetConfirmSchema } from "./schema";
import { lockUser } from "../db/sql";
import type { UseCaseContext } from "../use-case/context";
import { resetLinkFor } from "./view";

/**
 * A new password from a reset link. Validate first, spend last: an unknown, spent or
 * expired link and a password the policy refuses are answered before anything changes
 * (the link stays usable after a refused password). Then, in ONE transaction under the
 * user's row lock: the link is spent by its conditional update, the password replaced,
 * the address marked proven (the link reached that mailbox), a self-deactivated account
 * reactivated, every session and API token ended and every other reset and magic link
 * killed. A staff-deactivated account's link is refused like an unknown one.
 */
export async function confirmPasswordReset(input: unknown, ctx: Pick<UseCaseContext, "db"> & { log?: Logger }): Promise<{ userId: number }> {
  const log = ctx.log ?? logger;
  const { uid, token, new_password } = parseInput(resetConfirmSchema, input);
  const ref = { uid, token, purpose: "reset" as const };
  const live = await resetLinkFor(ctx.db, ref);
  if (!live) {
    log.info({ event: "password_reset.refused", reason: "invalid_link" }, "password reset refused");
    throw invalidResetLink();
  }
  const [problem] = passwordProblems(new_password, { username: live.username, email: live.email });
  if (problem) throw new DomainError("invalid", problem, 400, { new_password: problem });
  const passwordHash = await hashPassword(new_password);

  const result = await inTransaction(ctx.db, async (tx) => {
    await lockUser(tx, live.userId);
    const userId = await consumeLink(tx, ref);
    if (userId !== live.userId) throw invalidResetLink();
    const updated = await tx.$queryRaw<{ reactivated: boolean; verifiedNow: boolean }[]>`
      UPDATE "User" u SET "passwordHash" = ${passwordHash}, "isActive" = true, "selfDeactivated" = false,
             "emailVerifiedAt" = coalesce(u."emailVerifiedAt", now())
      FROM (SELECT "isActive", "emailVerifiedAt" FROM "User" WHERE "id" = ${userId}) old
      WHERE u."id" = ${userId} AND (u."isActive" OR u."selfDeactivated")
      RETURNING NOT old."isActive" AS "reactivated", old."emailVerifiedAt" IS NULL AS "verifiedNow"`;
    if (!updated[0]) throw invalidResetLink(); // deactivated by staff since the check
    const ended = await endAllSessions(tx, userId);
    const { reactivated, verifiedNow } = updated[0];
    await killLinks(tx, userId, verifiedNow ? ["reset", "magic_login", "verify_email"] : ["reset", "magic_login"]);
    // One owner per address (docs/ways-back-in.md): a Google identity linked before the
    // mailbox was first proven may be someone else's, like the password this replaced.
    const identities = verifiedNow ? (await tx.linkedIdentity.deleteMany({ where: { userId } })).count : 0;
    await recordAudit(tx, {
      actorId: userId,
      action: "password.reset",
      targetType: "User",
      targetId: userId,
      details: { sessionsEnded: ended.sessions + ended.tokens, reactivated, emailVerified: verifiedNow, ...(identities ? { identitiesRemoved: identities } : {}) },
    });
    if (live.email) await enqueueEmail(tx, passwordChangedEmail({ username: live.username, email: live.email, locale: await recipientLocale(tx, userId) }, "reset"));
    return { userId, reactivated, verifiedNow, ended: ended.sessions + ended.tokens };
  });
  log.info(
    { event: "password_reset.completed", userId: result.userId, sessionsEnded: result.ended, reactivated: result.reactivated },
    "password reset",
  );
  if (result.verifiedNow) log.info({ event: "email.verified", userId: result.userId, via: "password_reset" }, "email verified");
  return { userId: result.userId };
}
