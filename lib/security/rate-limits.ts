import { createHash } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { DomainError } from "../errors";
import { rateLimitStoreClient } from "./rate-limit-store";

// Brute-force protection shared by every app process: counters live in PostgreSQL
// ("RateLimit", see its migration), updated atomically by one INSERT … ON CONFLICT per
// attempt, so N workers (or N machines) count together. Limits are configuration with
// safe defaults; a test that needs many sign-ups raises them explicitly.

export interface Limit {
  points: number;
  durationSeconds: number;
}

export interface RateLimitConfig {
  /** Namespace of every key: deployments (or test servers) sharing one database keep apart. */
  prefix: string;
  /** Failed sign-ins per account (or unknown name) per client IP. */
  loginPerUserAndIp: Limit;
  /** Failed sign-ins per client IP, whatever the name tried. */
  loginPerIp: Limit;
  /** Registration attempts per client IP. */
  registerPerIp: Limit;
}

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got "${raw}").`);
  return value;
}

export function rateLimitConfigFromEnv(): RateLimitConfig {
  const prefix = process.env.RATE_LIMIT_PREFIX || "rl";
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(prefix)) throw new Error("RATE_LIMIT_PREFIX must be 1-40 letters, digits, - or _.");
  return {
    prefix,
    loginPerUserAndIp: { points: envInt("LOGIN_MAX_FAILURES", 5), durationSeconds: envInt("LOGIN_FAILURE_WINDOW_SECONDS", 15 * 60) },
    loginPerIp: { points: envInt("LOGIN_MAX_FAILURES_PER_IP", 100), durationSeconds: envInt("LOGIN_IP_WINDOW_SECONDS", 60 * 60) },
    registerPerIp: { points: envInt("REGISTER_MAX_PER_IP", 20), durationSeconds: envInt("REGISTER_WINDOW_SECONDS", 60 * 60) },
  };
}

export interface Limiters {
  loginPerUserAndIp: RateLimiterPostgres;
  loginPerIp: RateLimiterPostgres;
  registerPerIp: RateLimiterPostgres;
}

export function createLimiters(config: RateLimitConfig): Limiters {
  const make = (name: string, limit: Limit, sweeper = false) =>
    new RateLimiterPostgres({
      storeClient: rateLimitStoreClient,
      storeType: "client",
      tableName: "RateLimit",
      tableCreated: true, // the migration owns the table
      keyPrefix: `${config.prefix}:${name}`,
      points: limit.points,
      duration: limit.durationSeconds,
      // One table: one limiter per process deletes long-expired rows (every 5 minutes).
      clearExpiredByTimeout: sweeper,
    });
  return {
    loginPerUserAndIp: make("login_user_ip", config.loginPerUserAndIp, true),
    loginPerIp: make("login_ip", config.loginPerIp),
    registerPerIp: make("register_ip", config.registerPerIp),
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
  return consumeAttempt(l.registerPerIp, ipKey(ip));
}

/**
 * A bounded, safe key part for a client address. Until the app's own server sets the
 * client-IP header, its value is whatever arrived, so anything unusual is hashed.
 */
export function ipKey(ip: string): string {
  return /^[0-9A-Za-z:.]{1,45}$/.test(ip) ? ip : `h${createHash("sha256").update(ip).digest("hex").slice(0, 32)}`;
}
