import { getLimiters, isRateLimited, limitRegistration } from "../security/rate-limits";
import type { UseCaseContext } from "../use-case/context";

/**
 * One sign-up attempt from the caller's address, counted before the input is read: every
 * attempt counts, valid or not, or duplicate answers would let anyone probe which
 * usernames and emails exist at full speed. Every way to sign up (API, page, invitation)
 * goes through a use case that calls this, so a new one inherits the limit. The operator
 * at the console is not a client and is not counted.
 */
export async function limitRegistrationAttempt(ctx: UseCaseContext): Promise<void> {
  if (ctx.actor.kind === "operator") return;
  try {
    await limitRegistration(ctx.ip, ctx.limiters ?? getLimiters());
  } catch (err) {
    if (isRateLimited(err)) ctx.log.warn({ event: "registration.rate_limited", retryAfter: err.retryAfterSeconds }, "registration refused: too many attempts");
    throw err;
  }
}
