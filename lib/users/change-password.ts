import { recordAudit } from "../audit/record";
import { passwordChangedEmail } from "../mail/notices";
import { recipientLocale } from "../mail/recipient-locale";
import { enqueueEmail } from "../outbox/enqueue";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { consumeAttempt, getLimiters, ipKey } from "../security/rate-limits";
import { requireSignedIn, type UseCaseContext } from "../use-case/context";
import { killLinks } from "../one-time-links/issue";
import { requireRecentSecondFactor, stepUpCode } from "../two-factor/step-up";
import { parseInput } from "../validation/parse";
import { CURRENT_PASSWORD_WRONG, changePasswordSchema, NEW_PASSWORDS_DIFFER } from "./change-password-schema";
import { hashPassword, verifyPassword } from "./password-hash";
import { passwordProblems } from "./password-policy";
import { Prisma } from "../db/generated/client";
import { lockUserRow } from "../db/sql";

function fieldError(field: string, message: string): DomainError {
  return new DomainError("invalid", message, 400, { [field]: message });
}

/**
 * A signed-in person changes their password: the current one must verify, the new one
 * must pass sign-up's policy and be confirmed. Every other session and API token of the
 * account ends in the same transaction as the new hash is written, under the user's row
 * lock. Each attempt counts against sign-in's per-account-and-address and per-address
 * budgets (a stolen session must not become a password-guessing oracle). The session or
 * token making the change (ctx.credential) stays signed in.
 */
export async function changePassword(input: unknown, ctx: UseCaseContext): Promise<{ revoked: number }> {
  const userId = requireSignedIn(ctx).id;
  const { log } = ctx;
  const keep = ctx.credential ?? null;
  const data = parseInput(changePasswordSchema, input);
  // With 2FA on: a second factor on this session or token in the last 10 minutes (issue 20).
  await requireRecentSecondFactor(ctx.db, userId, keep, stepUpCode(input), log);
  const limiters = ctx.limiters ?? getLimiters();
  const ip = ipKey(ctx.ip);
  await consumeAttempt(limiters.loginPerUserAndIp, `u${userId}|${ip}`);
  await consumeAttempt(limiters.loginPerIp, ip);

  const user = await ctx.db.user.findFirst({ where: { id: userId, isActive: true }, select: { username: true, email: true, passwordHash: true } });
  if (!user) throw new DomainError("not_authenticated", "Authentication credentials were not provided.", 401);
  if (!(await verifyPassword(user.passwordHash, data.current_password))) {
    log.info({ event: "password.change_refused", userId, reason: "wrong_current" }, "password change refused");
    throw fieldError("current_password", CURRENT_PASSWORD_WRONG);
  }
  if (data.new_password !== data.confirm_new_password) throw fieldError("new_password", NEW_PASSWORDS_DIFFER);
  const [problem] = passwordProblems(data.new_password, { username: user.username, email: user.email ?? undefined });
  if (problem) throw fieldError("new_password", problem);
  const newHash = await hashPassword(data.new_password);

  const keepSession = keep?.kind === "browser" ? keep.id : 0;
  const keepToken = keep?.kind === "api" ? keep.id : 0;
  const revoked = await inTransaction(ctx.db, async (tx) => {
    // The hash verified above must still be the current one (two changes at once: the
    // second, checked against a password that no longer exists, is refused).
    const locked = await lockUserRow<{ passwordHash: string }>(tx, userId, Prisma.sql`"passwordHash"`, Prisma.sql`"isActive"`);
    if (locked[0]?.passwordHash !== user.passwordHash) throw fieldError("current_password", CURRENT_PASSWORD_WRONG);
    await tx.user.update({ where: { id: userId }, data: { passwordHash: newHash }, select: { id: true } });
    const sessions = await tx.session.deleteMany({ where: { userId, id: { not: keepSession } } });
    const tokens = await tx.apiToken.deleteMany({ where: { userId, id: { not: keepToken } } });
    const ended = sessions.count + tokens.count;
    // A link mailed before the change must not undo it (issue 11).
    await killLinks(tx, userId, ["reset", "magic_login"]);
    await recordAudit(tx, { actorId: userId, action: "password.changed", targetType: "User", targetId: userId, details: { sessionsEnded: ended } });
    if (user.email) await enqueueEmail(tx, passwordChangedEmail({ username: user.username, email: user.email, locale: await recipientLocale(tx, userId) }, "changed"));
    return ended;
  });
  await limiters.loginPerUserAndIp.delete(`u${userId}|${ip}`);
  log.info({ event: "password.changed", userId, sessionsEnded: revoked }, "password changed");
  return { revoked };
}
