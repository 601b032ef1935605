import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { endAllSessions } from "../auth/end-all-sessions";
import { issueApiToken } from "../auth/api-tokens";
import { createSession, type ClientInfo } from "../auth/sessions";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { DomainError, isDomainError } from "../errors";
import { logger, maskEmail, type Logger } from "../log/logger";
import { killLinks } from "../one-time-links/issue";
import { accountByEmail } from "../one-time-links/find-account";
import { createUserWithProfile } from "../users/register";
import type { Role } from "../users/register-schema";
import { parseInput } from "../validation/parse";
import { googleClientIds } from "./config";
import { GOOGLE_NOT_CONFIGURED, GOOGLE_TOKEN_REQUIRED, invalidGoogleToken } from "./messages";
import { usernameCandidate } from "./username";
import { GoogleTokenError, verifyGoogleIdToken, type GoogleIdentity } from "./verify";

export const googleLoginSchema = z.object(
  { token: z.string({ error: GOOGLE_TOKEN_REQUIRED }).trim().min(1, GOOGLE_TOKEN_REQUIRED) },
  { error: GOOGLE_TOKEN_REQUIRED },
);

/** Like Django's set_unusable_password(): no password verifies against it. */
const unusablePassword = () => `!${randomBytes(30).toString("base64url")}`;

const USERNAME_ATTEMPTS = 8;
/** Google ID tokens are about 1 kB; anything far longer is not one (and is not parsed). */
const MAX_TOKEN_LENGTH = 8192;

export interface GoogleSignIn {
  user: { id: number; username: string; email: string; isStaff: boolean; firstName: string; lastName: string; role: Role; activeGuide: boolean };
  token: string;
  /** Set when a browser session was asked for (the site's own request). */
  sessionSecret?: string;
  newUserCreated: boolean;
  profileCreated: boolean;
}

/**
 * Sign-in with a Google ID token: verified (verifyGoogleIdToken), then matched by email
 * only when Google says the email is verified. An existing account whose email was never
 * proven is taken over by the proof: marked verified, every session and token ended and
 * its password made unusable (a squatter who registered the address loses it). A new
 * account gets a username from the email's local part, decided by the database: a unique
 * violation retries with another candidate, and one on the email means a simultaneous
 * sign-in created the account first, which this one then signs in to.
 */
export async function googleSignIn(
  input: unknown,
  ctx: { db: Db; log?: Logger; client?: ClientInfo; browser?: boolean },
): Promise<GoogleSignIn> {
  const log = ctx.log ?? logger;
  const { token } = parseInput(googleLoginSchema, input, GOOGLE_TOKEN_REQUIRED);
  if (googleClientIds().length === 0) throw new DomainError("google_not_configured", GOOGLE_NOT_CONFIGURED, 400);
  if (token.length > MAX_TOKEN_LENGTH) {
    log.info({ event: "google_login.failed", reason: "too_long" }, "Google sign-in refused");
    throw invalidGoogleToken();
  }
  let identity: GoogleIdentity;
  try {
    identity = await verifyGoogleIdToken(token);
  } catch (err) {
    if (!(err instanceof GoogleTokenError)) throw err;
    log.info({ event: "google_login.failed", reason: err.reason }, "Google sign-in refused");
    throw invalidGoogleToken();
  }
  if (!identity.email || !identity.emailVerified) {
    log.info({ event: "google_login.failed", reason: "email_not_verified" }, "Google sign-in refused");
    throw invalidGoogleToken();
  }
  const email = identity.email;

  let userId: number | null = null;
  let created = false;
  for (let attempt = 0; userId === null && attempt < USERNAME_ATTEMPTS; attempt++) {
    const existing = await accountByEmail(ctx.db, email);
    if (existing) {
      userId = await signInExisting(ctx.db, existing.id, email, log);
      break;
    }
    try {
      userId = await createGoogleAccount(ctx.db, email, identity, usernameCandidate(email, attempt), log);
      created = true;
    } catch (err) {
      // The database decided: another candidate, or the account a racing sign-in made.
      if (isDomainError(err) && (err.code === "username_taken" || err.code === "email_taken")) continue;
      throw err;
    }
  }
  if (userId === null) throw new Error("no free username after several attempts");

  const key = await issueApiToken(ctx.db, userId, log, ctx.client);
  const session = ctx.browser ? await createSession(ctx.db, userId, ctx.client) : undefined;
  const user = await ctx.db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, username: true, email: true, isStaff: true, profile: { select: { firstName: true, lastName: true, role: true, activeGuide: true } } },
  });
  log.info({ event: "google_login.succeeded", userId, newUser: created, browser: !!session, emailMasked: maskEmail(email) }, "signed in with Google");
  return {
    user: {
      id: user.id,
      username: user.username,
      email: user.email ?? email, // the account was found or made by this address
      isStaff: user.isStaff,
      firstName: user.profile?.firstName ?? "",
      lastName: user.profile?.lastName ?? "",
      role: user.profile?.role ?? "explorer",
      activeGuide: user.profile?.activeGuide ?? false,
    },
    token: key,
    sessionSecret: session?.secret,
    newUserCreated: created,
    profileCreated: created,
  };
}

async function createGoogleAccount(db: Db, email: string, identity: GoogleIdentity, username: string, log: Logger): Promise<number> {
  return inTransaction(db, async (tx) => {
    const user = await createUserWithProfile(tx, { username, email, passwordHash: unusablePassword(), role: "explorer", bio: undefined }, log);
    await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date(), lastLogin: new Date() }, select: { id: true } });
    await tx.profile.update({
      where: { userId: user.id },
      data: { firstName: identity.givenName?.slice(0, 150) ?? null, lastName: identity.familyName?.slice(0, 150) ?? null },
      select: { userId: true },
    });
    await recordAudit(tx, { actorId: user.id, action: "account.created_via_google", targetType: "User", targetId: user.id });
    return user.id;
  });
}

async function signInExisting(db: Db, id: number, email: string, log: Logger): Promise<number> {
  const outcome = await inTransaction(db, async (tx) => {
    const rows = await tx.$queryRaw<{ isActive: boolean; selfDeactivated: boolean; verified: boolean; sameEmail: boolean }[]>`
      SELECT "isActive", "selfDeactivated", "emailVerifiedAt" IS NOT NULL AS "verified",
             lower("email" COLLATE "und-x-icu") = lower(${email} COLLATE "und-x-icu") AS "sameEmail"
      FROM "User" WHERE "id" = ${id} FOR UPDATE`;
    const row = rows[0];
    if (!row?.sameEmail || (!row.isActive && !row.selfDeactivated)) return null; // gone, moved, or closed by staff
    let ended = 0;
    if (!row.verified) {
      // Google proved the address: whoever registered it without proof loses the account's
      // password and sessions; the owner can set a password by reset.
      await tx.user.update({ where: { id }, data: { emailVerifiedAt: new Date(), passwordHash: unusablePassword() }, select: { id: true } });
      const e = await endAllSessions(tx, id);
      ended = e.sessions + e.tokens;
      await killLinks(tx, id, ["reset", "magic_login", "verify_email"]);
      await recordAudit(tx, { actorId: id, action: "email.verified", targetType: "User", targetId: id, details: { via: "google", passwordRemoved: true, sessionsEnded: ended } });
    }
    if (!row.isActive) {
      await tx.user.update({ where: { id }, data: { isActive: true, selfDeactivated: false }, select: { id: true } });
      await recordAudit(tx, { actorId: id, action: "account.reactivated", targetType: "User", targetId: id, details: { via: "google" } });
    }
    await tx.user.update({ where: { id }, data: { lastLogin: new Date() }, select: { id: true } });
    return { tookOver: !row.verified, reactivated: !row.isActive, ended };
  });
  if (!outcome) {
    log.info({ event: "google_login.failed", reason: "account_inactive", userId: id }, "Google sign-in refused");
    throw invalidGoogleToken();
  }
  if (outcome.tookOver) log.info({ event: "email.verified", userId: id, via: "google", passwordRemoved: true, sessionsEnded: outcome.ended }, "email verified by Google");
  if (outcome.reactivated) log.info({ event: "account.reactivated", userId: id, via: "google" }, "account reactivated");
  return id;
}
