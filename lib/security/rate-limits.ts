import { createHash } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { DomainError } from "../errors";
import type { Logger } from "../log/logger";
import { ipKey } from "./ip-key";
import { DEFAULT_RATE_LIMITS, rateLimitConfigFromEnv, type Limit, type RateLimitConfig } from "./rate-limit-config";
import { rateLimitStoreClient } from "./rate-limit-store";

export { ipKey } from "./ip-key";
export * from "./rate-limit-config";

// Brute-force protection shared by every app process: counters live in PostgreSQL
// ("RateLimit", see its migration), updated atomically by one INSERT … ON CONFLICT per
// attempt, so N workers (or N machines) count together. Limits are configuration with
// safe defaults (docs/rate-limits.md lists every variable); a test that needs many
// sign-ups raises them explicitly. RATE_LIMITS=off turns every limit off (load tests,
// imports); the server logs rate_limits.disabled at start when it is.

export interface Limiters {
  config: RateLimitConfig;
  loginPerUserAndIp: RateLimiterPostgres;
  loginPerIp: RateLimiterPostgres;
  verifyPerIp: RateLimiterPostgres;
  /** Failures per name typed, all addresses (the per-account slow-down's count). */
  accountFailures: RateLimiterPostgres;
  /** One verification at a time per slowed-down name: blocked for the current delay. */
  accountGate: RateLimiterPostgres;
  /** How many attempts the gate let through in the window: the delay doubles with each. */
  accountLevel: RateLimiterPostgres;
  /** (account, address) pairs that signed in successfully lately. */
  knownAddress: RateLimiterPostgres;
  /** (account, device cookie) pairs that signed in successfully lately. */
  knownDevice: RateLimiterPostgres;
  /** Failures through a known device cookie: beyond a few it is no longer trusted (a stolen cookie). */
  deviceFailures: RateLimiterPostgres;
  tokenPerAccount: RateLimiterPostgres;
  registerPerIp: RateLimiterPostgres;
  linkPerIp: RateLimiterPostgres;
  linkPerEmail: RateLimiterPostgres;
  /** One link email per (kind, email) per interval: the de-duplication, never a refusal. */
  linkMailGap: RateLimiterPostgres;
}

/** Limiters for `config`; parts not given take the defaults (tests give only what they vary). */
export function createLimiters(partial: Partial<RateLimitConfig> & { prefix: string }): Limiters {
  const config: RateLimitConfig = { ...DEFAULT_RATE_LIMITS, ...partial };
  const make = (name: string, limit: Limit, sweeper = false) =>
    new RateLimiterPostgres({
      storeClient: rateLimitStoreClient,
      storeType: "client",
      tableName: "RateLimit",
      tableCreated: true, // the migration owns the table
      keyPrefix: `${config.prefix}:${name}`,
      points: limit.points,
      duration: limit.durationSeconds,
      // One table: one limiter per process deletes long-expired rows (every 5 minutes);
      // a disabled set counts nothing and so has nothing to sweep.
      clearExpiredByTimeout: sweeper && config.enabled,
    });
  const account = config.loginPerAccount;
  return {
    config,
    loginPerUserAndIp: make("login_user_ip", config.loginPerUserAndIp, true),
    loginPerIp: make("login_ip", config.loginPerIp),
    verifyPerIp: make("verify_ip", config.verifyPerIp),
    // Counted with penalty/reward only (never refused by the library): the slow-down reads the count.
    accountFailures: make("login_account", { points: account.maxFailures, durationSeconds: account.windowSeconds }),
    accountGate: make("login_account_gate", { points: 1, durationSeconds: account.maxDelaySeconds }),
    accountLevel: make("login_account_level", { points: 1_000_000, durationSeconds: account.windowSeconds }),
    knownAddress: make("login_known_ip", { points: 1, durationSeconds: account.knownAddressSeconds }),
    knownDevice: make("login_known_device", { points: 1, durationSeconds: account.knownAddressSeconds }),
    deviceFailures: make("login_device_fail", { points: account.deviceMaxFailures, durationSeconds: account.windowSeconds }),
    tokenPerAccount: make("token_account", config.tokenPerAccount),
    registerPerIp: make("register_ip", config.registerPerIp),
    linkPerIp: make("link_ip", config.linkPerIp),
    linkPerEmail: make("link_email_ip", config.linkPerEmail),
    linkMailGap: make("link_mail_gap", { points: 1, durationSeconds: Math.max(1, config.linkMailIntervalSeconds) }),
  };
}

let limiters: Limiters | undefined;
/** This process's limiters, configured from the environment on first use. */
export function getLimiters(): Limiters {
  limiters ??= createLimiters(rateLimitConfigFromEnv());
  return limiters;
}

export function tooManyAttemptsMessage(seconds: number): string {
  return `Too many attempts. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
}

/** Over a limit: 429, with the seconds until the window ends (for Retry-After). */
export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(msBeforeNext: number) {
    const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
    super("rate_limited", tooManyAttemptsMessage(seconds), 429);
    this.retryAfterSeconds = seconds;
  }
}

export function isRateLimited(err: unknown): err is RateLimitedError {
  return err instanceof RateLimitedError;
}

/**
 * Counts one attempt against `key`; throws RateLimitedError when it is over the limit.
 * The library rejects with a RateLimiterRes when over, with an Error when the store fails.
 */
export async function consumeAttempt(limiter: RateLimiterPostgres, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw new RateLimitedError(err.msBeforeNext);
    throw err;
  }
}

/** One registration attempt from `ip`: the route and the sign-up page both call this. */
export function limitRegistration(ip: string, l: Limiters = getLimiters()): Promise<void> {
  if (!l.config.enabled) return Promise.resolve();
  return consumeAttempt(l.registerPerIp, ipKey(ip));
}

/** One API token issued to `userId` (after a successful sign-in), within TOKEN_MAX_PER_ACCOUNT an hour. */
export async function limitTokenIssuance(userId: number, log?: Logger, l: Limiters = getLimiters()): Promise<void> {
  if (!l.config.enabled) return;
  try {
    await consumeAttempt(l.tokenPerAccount, `u${userId}`);
  } catch (err) {
    if (isRateLimited(err)) log?.warn({ event: "token.rate_limited", userId, retryAfter: err.retryAfterSeconds }, "token refused: too many issued");
    throw err;
  }
}

/**
 * One request for an emailed link (`kind`: "reset", "magic", "verify") from `ip` for
 * `email`, counted before the account is looked up, so an unknown email is counted
 * exactly like a known one. The email is keyed by its SHA-256, lower-cased: the table
 * holds no address.
 *
 * Refused (429) only by budgets the requester's own address pays: per address, and per
 * (kind, email, address /64), so a stranger elsewhere cannot spend the owner's (review
 * N-M1). Whoever asks, at most one email per (kind, email) goes out per
 * LINK_MAIL_INTERVAL_SECONDS: answers `false` (send nothing, answer as usual) within it,
 * because the mailbox already got a link that is still valid. That bounds the mail a
 * mailbox receives without ever refusing its owner.
 */
export async function limitLinkRequest(kind: string, ip: string, email: string, l: Limiters = getLimiters()): Promise<boolean> {
  if (!l.config.enabled) return true;
  const address = ipKey(ip);
  const emailKey = createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
  await consumeAttempt(l.linkPerIp, address);
  try {
    await consumeAttempt(l.linkPerEmail, `${kind}|${emailKey}|${address}`);
  } catch (err) {
    // Refused by the email's budget: give the address's point back (a refusal costs only its own budget).
    await l.linkPerIp.reward(address, 1).catch(() => {});
    throw err;
  }
  if (l.config.linkMailIntervalSeconds === 0) return true;
  try {
    await l.linkMailGap.consume(`${kind}|${emailKey}`);
    return true;
  } catch (err) {
    if (err instanceof RateLimiterRes) return false;
    throw err;
  }
}
