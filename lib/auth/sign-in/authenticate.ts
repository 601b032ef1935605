import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { DomainError } from "../../errors";
import { logger, type Logger } from "../../log/logger";
import { admitSignIn } from "../../security/login-limits";
import { getLimiters, isRateLimited, type Limiters } from "../../security/rate-limits";
import { findUserByLogin } from "../../users/find-user";
import { reactivateSelfDeactivated } from "../../users/deactivate-self";
import { isWeakLegacyHash } from "../../users/legacy-hashers";
import { hashPassword, needsRehash, verifyPassword } from "../../users/password-hash";
import { parseInput } from "../../validation/parse";
import { credentialStamp } from "../credentials/credential-stamp";
import { failureFloorMs, observeLegacyVerification, waitForFloor } from "./failure-floor";
import { INVALID_CREDENTIALS, LOGIN_REQUIRED, loginSchema } from "./login-schema";
import type { AuthUser } from "../who/types";
import { newSignInEmail } from "../../mail/notices";
import { recipientLocale } from "../../mail/recipient-locale";
import { enqueueEmail } from "../../outbox/enqueue";

export interface AuthenticateContext {
  db: Db;
  /** The client address (clientIp(headers)); "unknown" until the server provides it. */
  ip: string;
  log?: Logger;
  limiters?: Limiters;
  /** The browser's device cookie (lib/auth/credentials/device-cookie.ts), when it has one. */
  device?: string | null;
  /** Which adapter asked, for the logs. */
  via: "page" | "api" | "nextauth";
}

/**
 * A signed-in user plus which password hash was verified (credentialStamp, see
 * lib/auth/credentials/credential-stamp.ts): a session or token is created only while that hash is
 * still the account's, so a sign-in racing a password change cannot outlive it.
 */
export interface AuthenticatedUser extends AuthUser {
  credentialStamp: string;
  /**
   * This sign-in reactivated an account its owner had deactivated (issue 10 point 6):
   * the /login page says so. The JSON API does not (its response shape is the old one).
   */
  reactivated: boolean;
}

export function invalidCredentials(): DomainError {
  return new DomainError("invalid_credentials", INVALID_CREDENTIALS, 400);
}

export const PASSWORD_RESET_REQUIRED =
  "This account's password was stored in an old, unsafe form and must be reset: use “Forgot password?” to get a link by email.";

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
 * Every attempt is counted before the password is checked (lib/security/login-limits.ts:
 * per name and address, per address, per name from all addresses), so simultaneous
 * guesses cannot slip past a limit; a success forgets the name's failures, but its
 * password verification stays counted against the address.
 */
export async function authenticateCredentials(input: unknown, ctx: AuthenticateContext): Promise<AuthenticatedUser> {
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
  let admission;
  try {
    admission = await admitSignIn(limiters, { identifier, userId: user?.id, ip: ctx.ip, device: ctx.device });
  } catch (err) {
    if (isRateLimited(err)) {
      log.warn({ event: "login.rate_limited", userId: user?.id, via: ctx.via, retryAfter: err.retryAfterSeconds }, "sign-in refused: too many attempts");
    }
    throw err;
  }

  // Every refusal from here lasts at least as long as the slowest legacy hash's check (failure-floor.ts).
  const started = performance.now();
  const floor = failureFloorMs(ctx.db).catch((err: unknown) => {
    log.warn({ event: "login.floor_unknown", err }, "could not measure the legacy hashes' cost; refusals are not padded");
    return 0;
  });
  // A weak legacy hash (MD5 and the like) is never checked: the password must be reset.
  const weak = !!user && isWeakLegacyHash(user.passwordHash);
  const legacy = !!user && !weak && needsRehash(user.passwordHash);
  const passwordOk = !weak && (await verifyPassword(user?.passwordHash ?? (await dummyHash), password));
  if (legacy) observeLegacyVerification(performance.now() - started);
  // A self-deactivated account is reactivated by its password (issue 10); staff's stays closed.
  const reactivated = !!user && !user.isActive && passwordOk && (await reactivateSelfDeactivated(ctx.db, user.id, log));
  const active = !!user && (user.isActive || reactivated);
  if (!user || !passwordOk || !active) {
    const reason = !user ? "unknown_user" : weak ? "weak_legacy_hash" : !passwordOk ? "wrong_password" : "inactive";
    log.info({ event: "login.failed", reason, userId: user?.id, via: ctx.via }, "sign-in failed");
    await waitForFloor(started, await floor);
    if (weak && user.isActive) throw new DomainError("password_reset_required", PASSWORD_RESET_REQUIRED, 400);
    throw invalidCredentials();
  }

  // The hash this sign-in stands for: after an upgrade, the new one (sessions and tokens
  // are created only while it is still the account's, see credentialStamp).
  const verifiedHash = needsRehash(user.passwordHash)
    ? await upgradeLegacyHash(ctx.db, user.id, user.passwordHash, password, log, ctx.via)
    : user.passwordHash;

  const [{ seenBefore }] = await Promise.all([
    admission.succeeded(),
    ctx.db.user.update({ where: { id: user.id }, data: { lastLogin: new Date() }, select: { id: true } }),
  ]);
  // A sign-in from an address and a browser this account has not used lately: the owner
  // is told (not on the first sign-in of a new account, which is the owner setting up).
  if (!seenBefore && user.lastLogin && user.email) {
    const { username, email } = user;
    const locale = await recipientLocale(ctx.db, user.id);
    await ctx.db.$transaction((tx) => enqueueEmail(tx, newSignInEmail({ username, email, locale }, { ip: ctx.ip, when: new Date() })));
    log.info({ event: "login.new_device_notice", userId: user.id, via: ctx.via }, "sign-in from a new device: owner emailed");
  }
  log.info({ event: "login.succeeded", userId: user.id, via: ctx.via }, "signed in");
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    isStaff: user.isStaff,
    role: user.role ?? "explorer",
    credentialStamp: credentialStamp(verifiedHash),
    reactivated,
  };
}

/**
 * Replaces a Django hash the import kept with our argon2id, in the sign-in that just
 * verified it, and answers the hash that now stands for this password. Guarded by the old
 * hash: if something replaced it meanwhile, nothing is overwritten. A simultaneous
 * sign-in's upgrade (same password) is recognised by verifying against it; a password
 * change or reset is not, so the old hash is answered and no session or token will be
 * made from it.
 */
async function upgradeLegacyHash(db: Db, userId: number, legacyHash: string, password: string, log: Logger, via: AuthenticateContext["via"]): Promise<string> {
  const upgraded = await hashPassword(password);
  const count = await db.$executeRaw`
    UPDATE "User" SET "passwordHash" = ${upgraded} WHERE "id" = ${userId} AND "passwordHash" = ${legacyHash}`;
  if (count === 1) {
    log.info({ event: "login.password_upgraded", userId, via, from: legacyHash.slice(0, legacyHash.indexOf("$")) }, "legacy password hash upgraded to argon2id");
    return upgraded;
  }
  const current = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return current && !needsRehash(current.passwordHash) && (await verifyPassword(current.passwordHash, password)) ? current.passwordHash : legacyHash;
}
