import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { consumeAttempt, getLimiters, ipKey, type Limiters } from "../security/rate-limits";
import { verifyPassword } from "./password-hash";

// A signed-in browser confirms a lasting step (delete, deactivate) with the account's
// password: a borrowed browser or a script injected into a page holds the cookie, not
// the password (review N-L3). Counted like a sign-in's budgets, per account and address
// and per address, so the prompt is no password oracle.

export const PASSWORD_INCORRECT = "Password is incorrect.";

export interface PasswordConfirmation {
  /** The password as the person typed it (a string, or anything a body held). */
  password: unknown;
  /** The client address (clientIp(headers)). */
  ip: string;
  limiters?: Limiters;
}

/**
 * Verifies the password; answers the hash it matched, which the caller's transaction
 * compares with the row it locks (a password changed in between refuses the step).
 * `missing` is the sentence for an absent or empty password.
 */
export async function confirmOwnPassword(db: Db, userId: number, confirm: PasswordConfirmation, missing: string): Promise<string> {
  if (typeof confirm.password !== "string" || confirm.password === "") throw new DomainError("invalid", missing, 400, { password: missing });
  if (confirm.password.length > 256) throw new DomainError("invalid", PASSWORD_INCORRECT, 400, { password: PASSWORD_INCORRECT });
  const limiters = confirm.limiters ?? getLimiters();
  if (limiters.config.enabled) {
    const ip = ipKey(confirm.ip);
    await consumeAttempt(limiters.loginPerUserAndIp, `u${userId}|${ip}`);
    await consumeAttempt(limiters.loginPerIp, ip);
  }
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, confirm.password))) throw new DomainError("invalid", PASSWORD_INCORRECT, 400, { password: PASSWORD_INCORRECT });
  return user.passwordHash;
}

/** The password field of a request body, whatever shape the body has. */
export function passwordIn(body: unknown): unknown {
  return body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>).password : undefined;
}
