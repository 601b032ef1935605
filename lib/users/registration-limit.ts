import { Prisma } from "../db/generated/client";
import { getLimiters, ipKey, isRateLimited, limitRegistration, RateLimitedError } from "../security/rate-limits";
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
    if (isRateLimited(err)) logRateLimited(ctx, err);
    throw err;
  }
}

function logRateLimited(ctx: UseCaseContext, err: RateLimitedError): void {
  ctx.log.warn({ event: "registration.rate_limited", retryAfter: err.retryAfterSeconds }, "registration refused: too many attempts");
}

/**
 * The same count as limitRegistrationAttempt, as a data-modifying CTE named `rl` (columns
 * points, expire) that the sign-up's duplicate pre-check runs in its own statement: one
 * round trip instead of two for every valid sign-up and every refused duplicate (issue
 * 24). The statement is rate-limiter-flexible's own upsert on its "RateLimit" row (same
 * key, points and window: RateLimiterPostgres._upsert), so both ways count on one counter.
 * null when nothing is counted (the operator, or limits off): then count nothing.
 */
export interface RegistrationCount {
  cte: Prisma.Sql;
  max: number;
  /** A 429 when the row the CTE returned is over the limit (logged as limitRegistrationAttempt logs it). */
  check(row: { points: number | bigint; expire: number | bigint | null }): void;
}

export function registrationCount(ctx: UseCaseContext): RegistrationCount | null {
  if (ctx.actor.kind === "operator") return null;
  const limiters = ctx.limiters ?? getLimiters();
  if (!limiters.config.enabled) return null;
  const limiter = limiters.registerPerIp;
  const now = Date.now();
  const msDuration = limiter.duration * 1000;
  const newExpire = msDuration > 0 ? now + msDuration : null;
  const cte = Prisma.sql`rl AS (
      INSERT INTO "RateLimit" ("key", "points", "expire") VALUES (${limiter.getKey(ipKey(ctx.ip))}, 1, ${newExpire}::bigint)
      ON CONFLICT ("key") DO UPDATE SET
        "points" = CASE WHEN "RateLimit"."expire" <= ${now}::bigint THEN 1 ELSE "RateLimit"."points" + 1 END,
        "expire" = CASE WHEN "RateLimit"."expire" <= ${now}::bigint THEN ${newExpire}::bigint ELSE "RateLimit"."expire" END
      RETURNING "points", "expire"
    )`;
  return {
    cte,
    max: limiter.points,
    check(row) {
      if (Number(row.points) <= limiter.points) return;
      const err = new RateLimitedError(row.expire === null ? -1 : Math.max(Number(row.expire) - Date.now(), 0));
      logRateLimited(ctx, err);
      throw err;
    },
  };
}
