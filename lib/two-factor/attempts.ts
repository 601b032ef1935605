import { RateLimiterPostgres } from "rate-limiter-flexible";
import { consumeAttempt, rateLimitConfigFromEnv } from "../security/rate-limits";
import { rateLimitStoreClient } from "../security/rate-limit-store";

// Codes are guessed like passwords: a 6-digit code has a million values, so every
// attempt against an account (sign-in's second step, regenerating, turning off) counts
// in PostgreSQL, shared by every worker, before the code is checked. A success forgets
// the account's count. MFA_MAX_ATTEMPTS (default 10) per MFA_ATTEMPT_WINDOW_SECONDS
// (default 900); RATE_LIMITS=off turns it off with the others.

export interface CodeLimiter {
  enabled: boolean;
  limiter: RateLimiterPostgres;
}

function positive(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`${name} must be a positive integer (got "${raw}").`);
  return Number(raw);
}

export function createCodeLimiter(env: Record<string, string | undefined> = process.env): CodeLimiter {
  const config = rateLimitConfigFromEnv(env);
  return {
    enabled: config.enabled,
    limiter: new RateLimiterPostgres({
      storeClient: rateLimitStoreClient,
      storeType: "client",
      tableName: "RateLimit",
      tableCreated: true,
      keyPrefix: `${config.prefix}:mfa_account`,
      points: positive(env, "MFA_MAX_ATTEMPTS", 10),
      duration: positive(env, "MFA_ATTEMPT_WINDOW_SECONDS", 900),
    }),
  };
}

let shared: CodeLimiter | undefined;
export function getCodeLimiter(): CodeLimiter {
  shared ??= createCodeLimiter();
  return shared;
}

/** Counts one code attempt for `userId`; RateLimitedError (429) when over the limit. */
export async function countCodeAttempt(userId: number, l: CodeLimiter = getCodeLimiter()): Promise<void> {
  if (l.enabled) await consumeAttempt(l.limiter, `u${userId}`);
}

export async function forgetCodeAttempts(userId: number, l: CodeLimiter = getCodeLimiter()): Promise<void> {
  if (l.enabled) await l.limiter.delete(`u${userId}`).catch(() => {});
}
