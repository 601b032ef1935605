import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { consumeAttempt, getLimiters, ipKey, isRateLimited, type Limiters } from "../security/rate-limits";
import { findUserByLogin } from "../users/find-user";
import { hashPassword, needsRehash, verifyPassword } from "../users/password-hash";
import { parseInput } from "../validation/parse";
import { INVALID_CREDENTIALS, LOGIN_REQUIRED, loginSchema } from "./login-schema";
import type { AuthUser } from "./types";

export interface AuthenticateContext {
  db: Db;
  /** The client address (clientIp(headers)); "unknown" until the server provides it. */
  ip: string;
  log?: Logger;
  limiters?: Limiters;
  /** Which adapter asked, for the logs. */
  via: "page" | "api" | "nextauth";
}

export function invalidCredentials(): DomainError {
  return new DomainError("invalid_credentials", INVALID_CREDENTIALS, 400);
}

// An unknown name is checked against this hash of a random password, made with the same
// argon2id parameters as real ones: the answer costs the same hash work either way, so
// its timing does not tell whether the account exists. Started at load, not on first use,
// so the first unknown name is not slower either.
const dummyHash: Promise<string> = hashPassword(randomBytes(18).toString("base64url"));

/**
 * Signs a person in with a username or email (any letter case) and a password: the one
 * sign-in use case behind the /login page, the token API and next-auth's Credentials
 * provider. Wrong name, wrong password and inactive account all give the same answer.
 *
 * Every attempt is counted before the password is checked (one atomic upsert per limiter,
 * shared by all processes), so simultaneous guesses cannot slip past the limit; a success
 * forgets the account's failures and gives back the address's point.
 */
export async function authenticateCredentials(input: unknown, ctx: AuthenticateContext): Promise<AuthUser> {
  const log = ctx.log ?? logger;
  let data;
  try {
    data = parseInput(loginSchema, input, LOGIN_REQUIRED);
  } catch (err) {
    if (err instanceof DomainError && err.code !== "missing_required") throw invalidCredentials();
    throw err;
  }
  const { username: identifier, password } = data;
  const limiters = ctx.limiters ?? getLimiters();

  const user = await findUserByLogin(ctx.db, identifier);
  const ip = ipKey(ctx.ip);
  // Failures count per account when it exists (so switching between its username and its
  // email gains nothing), per name tried otherwise.
  const subject = user ? `u${user.id}` : `n${createHash("sha256").update(identifier.toLowerCase()).digest("hex").slice(0, 32)}`;
  const userIpKey = `${subject}|${ip}`;
  try {
    await consumeAttempt(limiters.loginPerUserAndIp, userIpKey);
    await consumeAttempt(limiters.loginPerIp, ip);
  } catch (err) {
    if (isRateLimited(err)) {
      log.warn({ event: "login.rate_limited", userId: user?.id, via: ctx.via, retryAfter: err.retryAfterSeconds }, "sign-in refused: too many attempts");
    }
    throw err;
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !passwordOk || !user.isActive) {
    const reason = !user ? "unknown_user" : !passwordOk ? "wrong_password" : "inactive";
    log.info({ event: "login.failed", reason, userId: user?.id, via: ctx.via }, "sign-in failed");
    throw invalidCredentials();
  }

  if (needsRehash(user.passwordHash)) await upgradeLegacyHash(ctx.db, user.id, user.passwordHash, password, log, ctx.via);

  await Promise.all([
    limiters.loginPerUserAndIp.delete(userIpKey),
    limiters.loginPerIp.reward(ip, 1),
    ctx.db.user.update({ where: { id: user.id }, data: { lastLogin: new Date() }, select: { id: true } }),
  ]);
  log.info({ event: "login.succeeded", userId: user.id, via: ctx.via }, "signed in");
  return { id: user.id, username: user.username, email: user.email, isStaff: user.isStaff, role: user.role ?? "explorer" };
}

/**
 * Replaces a Django hash the import kept with our argon2id, in the sign-in that just
 * verified it. Guarded by the old hash: if a password change or reset (or a simultaneous
 * sign-in's upgrade) replaced it meanwhile, this changes nothing.
 */
async function upgradeLegacyHash(db: Db, userId: number, verifiedHash: string, password: string, log: Logger, via: AuthenticateContext["via"]): Promise<void> {
  const upgraded = await hashPassword(password);
  const count = await db.$executeRaw`
    UPDATE "User" SET "passwordHash" = ${upgraded} WHERE "id" = ${userId} AND "passwordHash" = ${verifiedHash}`;
  if (count === 1) log.info({ event: "login.password_upgraded", userId, via, from: verifiedHash.slice(0, verifiedHash.indexOf("$")) }, "legacy password hash upgraded to argon2id");
}
