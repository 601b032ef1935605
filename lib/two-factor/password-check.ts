import { DomainError } from "../errors";
import { consumeAttempt, getLimiters, ipKey } from "../security/rate-limits";
import { verifyPassword } from "../users/password-hash";
import type { TwoFactorContext } from "./context";
import { WRONG_PASSWORD } from "./messages";

/**
 * The signed-in person's password, checked as change-password checks it: counted against
 * sign-in's per-account-and-address and per-address budgets first (a stolen session
 * must not become a password oracle). Answers the verified hash.
 */
export async function checkOwnPassword(ctx: TwoFactorContext, userId: number, password: string): Promise<string> {
  const limiters = ctx.limiters ?? getLimiters();
  const ip = ipKey(ctx.ip);
  if (limiters.config.enabled) {
    await consumeAttempt(limiters.loginPerUserAndIp, `u${userId}|${ip}`);
    await consumeAttempt(limiters.loginPerIp, ip);
  }
  const user = await ctx.db.user.findFirst({ where: { id: userId, isActive: true }, select: { passwordHash: true } });
  if (!user) throw new DomainError("not_authenticated", "Authentication credentials were not provided.", 401);
  if (!(await verifyPassword(user.passwordHash, password))) {
    ctx.log.info({ event: "two_factor.password_refused", userId }, "two-factor change refused: wrong password");
    throw new DomainError("wrong_password", WRONG_PASSWORD, 400, { password: WRONG_PASSWORD });
  }
  if (limiters.config.enabled) await limiters.loginPerUserAndIp.delete(`u${userId}|${ip}`).catch(() => {});
  return user.passwordHash;
}
