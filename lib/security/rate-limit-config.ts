// Every rate limit's setting, read from the environment (docs/rate-limits.md lists
// them with their defaults). No database here: the server checks these at start.

export interface Limit {
  points: number;
  durationSeconds: number;
}

/** The per-account slow-down: after `maxFailures` in a window, one verification per growing delay. */
export interface AccountSlowDown {
  maxFailures: number;
  windowSeconds: number;
  /** The wait after the maxFailures-th failure; it doubles with each further failure… */
  firstDelaySeconds: number;
  /** …up to this: never a lock-out. */
  maxDelaySeconds: number;
  /** An address (or a browser's device cookie) the account signed in from within this time is not slowed down. */
  knownAddressSeconds: number;
  /** Failures through one known device cookie, per window, after which it is slowed down like a stranger (a stolen cookie). */
  deviceMaxFailures: number;
}

export interface RateLimitConfig {
  /** false with RATE_LIMITS=off: nothing is counted or refused. */
  enabled: boolean;
  /** Namespace of every key: deployments (or test servers) sharing one database keep apart. */
  prefix: string;
  /** Failed sign-ins per name typed (username or email, normalised) per client address. */
  loginPerUserAndIp: Limit;
  /** Failed sign-ins per client address, whatever the name tried. */
  loginPerIp: Limit;
  /** Every password verification per client address, successful ones included, never refunded. */
  verifyPerIp: Limit;
  /** Failed sign-ins per name typed, from all addresses together. */
  loginPerAccount: AccountSlowDown;
  /** API tokens issued per account. */
  tokenPerAccount: Limit;
  /** Registration attempts per client address. */
  registerPerIp: Limit;
  /** Requests for emailed links (password reset, magic link, verification resend) per client address. */
  linkPerIp: Limit;
  /** Requests for emailed links per email address (known or not), kind of link and client address (/64): over it, 429. */
  linkPerEmail: Limit;
  /**
   * At most one link email per (kind, email address) per this many seconds, whoever asks;
   * a request within it answers as usual but sends nothing: the mailbox already holds a
   * fresh, still valid link (never refused, so a stranger cannot block the owner). 0 = off.
   */
  linkMailIntervalSeconds: number;
}

export const DEFAULT_RATE_LIMITS: Omit<RateLimitConfig, "prefix"> = {
  enabled: true,
  loginPerUserAndIp: { points: 5, durationSeconds: 15 * 60 },
  loginPerIp: { points: 100, durationSeconds: 60 * 60 },
  verifyPerIp: { points: 60, durationSeconds: 60 },
  loginPerAccount: { maxFailures: 20, windowSeconds: 60 * 60, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60, knownAddressSeconds: 30 * 24 * 60 * 60, deviceMaxFailures: 10 },
  tokenPerAccount: { points: 20, durationSeconds: 60 * 60 },
  registerPerIp: { points: 20, durationSeconds: 60 * 60 },
  linkPerIp: { points: 20, durationSeconds: 60 * 60 },
  linkPerEmail: { points: 5, durationSeconds: 60 * 60 },
  linkMailIntervalSeconds: 5 * 60,
};

export class RateLimitConfigError extends Error {}

type Env = Record<string, string | undefined>;

function envInt(env: Env, name: string, fallback: number, scale = 1): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value * scale) || value < 1) {
    throw new RateLimitConfigError(`${name} must be a positive integer (got "${env[name]}").`);
  }
  return value * scale;
}

function envSecondsOrOff(env: Env, name: string, fallback: number): number {
  return env[name]?.trim() === "0" ? 0 : envInt(env, name, fallback);
}

function envEnabled(env: Env): boolean {
  const raw = (env.RATE_LIMITS ?? "").trim().toLowerCase();
  if (raw === "off") return false;
  if (raw === "" || raw === "on") return true;
  throw new RateLimitConfigError(`RATE_LIMITS must be "on" or "off" (got "${env.RATE_LIMITS}").`);
}

/** The limits from the environment; a malformed value is a RateLimitConfigError with one sentence. */
export function rateLimitConfigFromEnv(env: Env = process.env): RateLimitConfig {
  const prefix = env.RATE_LIMIT_PREFIX || "rl";
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(prefix)) throw new RateLimitConfigError("RATE_LIMIT_PREFIX must be 1-40 letters, digits, - or _.");
  const d = DEFAULT_RATE_LIMITS;
  const limit = (points: string, seconds: string, def: Limit): Limit => ({
    points: envInt(env, points, def.points),
    durationSeconds: envInt(env, seconds, def.durationSeconds),
  });
  const account = d.loginPerAccount;
  return {
    enabled: envEnabled(env),
    prefix,
    loginPerUserAndIp: limit("LOGIN_MAX_FAILURES", "LOGIN_FAILURE_WINDOW_SECONDS", d.loginPerUserAndIp),
    loginPerIp: limit("LOGIN_MAX_FAILURES_PER_IP", "LOGIN_IP_WINDOW_SECONDS", d.loginPerIp),
    verifyPerIp: limit("LOGIN_MAX_VERIFICATIONS_PER_IP", "LOGIN_VERIFICATION_WINDOW_SECONDS", d.verifyPerIp),
    loginPerAccount: {
      maxFailures: envInt(env, "LOGIN_MAX_FAILURES_PER_ACCOUNT", account.maxFailures),
      windowSeconds: envInt(env, "LOGIN_ACCOUNT_WINDOW_SECONDS", account.windowSeconds),
      firstDelaySeconds: envInt(env, "LOGIN_ACCOUNT_DELAY_SECONDS", account.firstDelaySeconds),
      maxDelaySeconds: envInt(env, "LOGIN_ACCOUNT_MAX_DELAY_SECONDS", account.maxDelaySeconds),
      knownAddressSeconds: envInt(env, "LOGIN_KNOWN_ADDRESS_DAYS", account.knownAddressSeconds / 86400, 86400),
      deviceMaxFailures: envInt(env, "LOGIN_DEVICE_MAX_FAILURES", account.deviceMaxFailures),
    },
    tokenPerAccount: limit("TOKEN_MAX_PER_ACCOUNT", "TOKEN_WINDOW_SECONDS", d.tokenPerAccount),
    registerPerIp: limit("REGISTER_MAX_PER_IP", "REGISTER_WINDOW_SECONDS", d.registerPerIp),
    linkPerIp: limit("LINK_REQUEST_MAX_PER_IP", "LINK_REQUEST_IP_WINDOW_SECONDS", d.linkPerIp),
    linkPerEmail: limit("LINK_REQUEST_MAX_PER_EMAIL", "LINK_REQUEST_EMAIL_WINDOW_SECONDS", d.linkPerEmail),
    linkMailIntervalSeconds: envSecondsOrOff(env, "LINK_MAIL_INTERVAL_SECONDS", d.linkMailIntervalSeconds),
  };
}
