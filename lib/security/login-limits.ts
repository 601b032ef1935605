import { createHash } from "node:crypto";
import type { RateLimiterPostgres } from "rate-limiter-flexible";
import { ipKey } from "./ip-key";
import { consumeAttempt, RateLimitedError, type Limiters } from "./rate-limits";

// The budgets one sign-in attempt is counted against, before its password is checked
// (one atomic upsert each, shared by every process, so simultaneous guesses cannot slip
// past a limit):
//   - failures per name typed per address (LOGIN_MAX_FAILURES, 5 / 15 min): a hard stop;
//   - failures per address (LOGIN_MAX_FAILURES_PER_IP, 100 / h);
//   - verifications per address (LOGIN_MAX_VERIFICATIONS_PER_IP, 60 / min), successes
//     included and never given back: one address cannot keep the server hashing;
//   - failures per name typed from all addresses (LOGIN_MAX_FAILURES_PER_ACCOUNT, 20 / h):
//     beyond it, one verification per delay that doubles with each failure up to
//     LOGIN_ACCOUNT_MAX_DELAY_SECONDS, so a stranger slows an account down but never locks
//     it; addresses and device cookies the account signed in from lately are exempt, so
//     strangers polling the gate cannot keep the owner out (review N-M1).
//
// Counters are keyed by the name as typed (normalised), not by the account it resolves
// to: a count shared by an account's username and email would answer "is this address
// hers?" to anyone watching when the limit trips (review L1). Unknown names are counted
// the same way, so the answers never tell whether a name exists.

export interface SignInAttempt {
  /** The username or email typed, as the login schema normalised it. */
  identifier: string;
  /** The account it names, when one does. */
  userId?: number;
  /** The client address (clientIp(headers)). */
  ip: string;
  /** The browser's device cookie (lib/auth/credentials/device-cookie.ts), when it sent one. */
  device?: string | null;
}

export interface SignInAdmission {
  /**
   * The password was right: forget this name's failures (the address's verification stays
   * spent). Answers whether this address or device had signed in to the account before
   * (within LOGIN_KNOWN_ADDRESS_SECONDS), before remembering this one.
   */
  succeeded(): Promise<{ seenBefore: boolean }>;
}

// Limits off: nothing is remembered, so nothing counts as new either.
const NOTHING: SignInAdmission = { succeeded: async () => ({ seenBefore: true }) };

function nameKey(identifier: string): string {
  return `n${createHash("sha256").update(identifier.toLowerCase()).digest("hex").slice(0, 32)}`;
}

function deviceHash(device: string): string {
  return `d${createHash("sha256").update(device).digest("hex").slice(0, 32)}`;
}

/**
 * Did this device cookie sign in to the account lately, without failing too often since?
 * Its attempt is counted against the device first (given back on success), so a stolen
 * cookie buys LOGIN_DEVICE_MAX_FAILURES guesses past the slow-down, then none.
 */
async function trustedDevice(l: Limiters, deviceKey: string | undefined, max: number, consumed: [RateLimiterPostgres, string][]): Promise<boolean> {
  if (!deviceKey || !(await l.knownDevice.get(deviceKey))) return false;
  const failed = (await l.deviceFailures.penalty(deviceKey, 1)).consumedPoints;
  consumed.push([l.deviceFailures, deviceKey]);
  return failed <= max;
}

/** The wait after the `level`-th slowed-down attempt in the window (1, 2, …): doubling, capped. */
export function slowDownSeconds(level: number, l: Limiters): number {
  const { firstDelaySeconds, maxDelaySeconds } = l.config.loginPerAccount;
  return Math.min(maxDelaySeconds, firstDelaySeconds * 2 ** Math.min(Math.max(level - 1, 0), 30));
}

/**
 * Counts one sign-in attempt, or throws RateLimitedError (nothing counted but the refusing
 * budget's own point). The caller then checks the password and, when it is right, calls
 * `succeeded()`.
 */
export async function admitSignIn(l: Limiters, attempt: SignInAttempt): Promise<SignInAdmission> {
  if (!l.config.enabled) return NOTHING;
  const ip = ipKey(attempt.ip);
  const name = nameKey(attempt.identifier);
  const nameAtIp = `${name}|${ip}`;
  const knownKey = attempt.userId === undefined ? undefined : `u${attempt.userId}|${ip}`;
  const deviceKey = attempt.userId === undefined || !attempt.device ? undefined : `u${attempt.userId}|${deviceHash(attempt.device)}`;
  const { maxFailures, deviceMaxFailures } = l.config.loginPerAccount;

  // Counted as a failure until the password proves otherwise; this is the count including it.
  const failures = (await l.accountFailures.penalty(name, 1)).consumedPoints;
  const consumed: [RateLimiterPostgres, string][] = [[l.accountFailures, name]];
  let slowed = false;
  try {
    if (failures >= maxFailures) slowed = !((knownKey && (await l.knownAddress.get(knownKey))) || (await trustedDevice(l, deviceKey, deviceMaxFailures, consumed)));
    if (slowed) {
      // Refused at once while the delay runs, before any of the address's budgets is spent.
      const gate = await l.accountGate.get(name);
      if (gate && gate.consumedPoints > 1 && gate.msBeforeNext > 0) throw new RateLimitedError(gate.msBeforeNext);
    }
    for (const [limiter, key] of [
      [l.loginPerUserAndIp, nameAtIp],
      [l.loginPerIp, ip],
      [l.verifyPerIp, ip],
    ] as const) {
      await consumeAttempt(limiter, key);
      consumed.push([limiter, key]);
    }
    // From the maxFailures-th on, one attempt per delay: of simultaneous ones, one goes through.
    if (slowed) await consumeAttempt(l.accountGate, name);
  } catch (err) {
    // Not verified: give back what this attempt counted so far (the refusing budget keeps its point).
    await Promise.all(consumed.map(([limiter, key]) => limiter.reward(key, 1)));
    throw err;
  }
  if (slowed) {
    // The attempts let through the gate are counted apart (one at a time, so exactly): the
    // failure count above also holds attempts still in flight, and would make the delay jump.
    const level = (await l.accountLevel.penalty(name, 1)).consumedPoints;
    await l.accountGate.block(name, slowDownSeconds(level, l));
  }

  return {
    async succeeded() {
      const seenBefore = !!(knownKey && (await l.knownAddress.get(knownKey))) || !!(deviceKey && (await l.knownDevice.get(deviceKey)));
      await Promise.all([
        l.accountFailures.reward(name, 1),
        l.loginPerUserAndIp.delete(nameAtIp),
        // This attempt was no failure: the failure budget gets its point back. The
        // verification budget keeps it.
        l.loginPerIp.reward(ip, 1),
        knownKey ? l.knownAddress.set(knownKey, 1, l.config.loginPerAccount.knownAddressSeconds) : undefined,
        deviceKey ? l.knownDevice.set(deviceKey, 1, l.config.loginPerAccount.knownAddressSeconds) : undefined,
        deviceKey ? l.deviceFailures.delete(deviceKey) : undefined,
        // The owner got through: the next attempt need not wait, nor the delay grow for it.
        slowed ? l.accountGate.delete(name) : undefined,
        slowed ? l.accountLevel.reward(name, 1) : undefined,
      ]);
      return { seenBefore };
    },
  };
}
