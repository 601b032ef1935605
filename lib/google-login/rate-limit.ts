import type { Logger } from "../log/logger";
import { consumeAttempt, getLimiters, ipKey, isRateLimited, type Limiters } from "../security/rate-limits";

/**
 * One Google sign-in attempt from `ip`, counted before the token is checked, in the same
 * per-address budget as password checks (LOGIN_MAX_VERIFICATIONS_PER_IP per
 * LOGIN_VERIFICATION_WINDOW_SECONDS): either way it is one credential tried from there.
 */
export async function limitGoogleAttempt(ip: string | null | undefined, log: Logger, l: Limiters = getLimiters()): Promise<void> {
  if (!l.config.enabled) return;
  try {
    await consumeAttempt(l.verifyPerIp, ipKey(ip ?? "unknown"));
  } catch (err) {
    if (isRateLimited(err)) log.warn({ event: "google_login.rate_limited", retryAfter: err.retryAfterSeconds }, "Google sign-in refused: too many attempts");
    throw err;
  }
}
