import { googleLoginSchema } from "./schema";
import { recordAudit } from "../audit/record";
import { issueApiToken } from "../auth/credentials/api-tokens";
import { createSession } from "../auth/credentials/session-rows";
import type { Db } from "../db/client";
import { inTransaction, type Tx } from "../db/transaction";
import { DomainError, isDomainError } from "../errors";
import { logger, maskEmail, type Logger } from "../log/logger";
import { accountByEmail } from "../one-time-links/find-account";
import { enqueueEmail } from "../outbox/enqueue";
import { limitTokenIssuance } from "../security/rate-limits";
import { signedInId, type UseCaseContext } from "../use-case/context";
import { translator } from "../i18n/translator";
import { recipientLocale } from "../mail/recipient-locale";
import { proveMailbox, unusablePassword } from "../users/prove-mailbox";
import { createUserWithProfile } from "../users/register";
import type { Role } from "../users/register-schema";
import { parseInput } from "../validation/parse";
import { googleAllowedDomains, googleClientIds } from "./config";
import { accountByGoogleSubject, googleSubjectOf, linkGoogleSubject, touchGoogleSubject } from "./identity";
import {
  domainNotAllowed,
  GOOGLE_NOT_CONFIGURED,
  GOOGLE_TOKEN_REQUIRED,
  googleLinkedElsewhere,
  invalidGoogleToken,
  otherGoogleAccount,
  staffNotLinked,
} from "./messages";
import { limitGoogleAttempt } from "./rate-limit";
import { usernameCandidate } from "./username";
import { GoogleTokenError, verifyGoogleIdToken, type GoogleIdentity } from "./verify";
import { Prisma } from "../db/generated/client";
import { ciEquals, column, lockUser, lockUserRow } from "../db/sql";


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
 * `browser`: the site's own request (same origin), which gets a browser session too. The
 * account this browser is signed in to is ctx.actor with a browser credential: an unlinked
 * Google identity is linked to it.
 */
export type GoogleSignInContext = UseCaseContext & { browser?: boolean };

/**
 * Sign-in with a Google ID token (issue 11 point 4, issue 18 point 2). Counted per client
 * address first (every attempt, like a password check), then verified
 * (verifyGoogleIdToken), the Workspace domain checked when GOOGLE_ALLOWED_DOMAINS is set.
 * The account is the one Google's subject is linked to. An unlinked subject is linked:
 * - to the account this browser is signed in to (the person proved the password first);
 * - else to the account with the asserted address, when Google says it is verified, the
 *   account has no other Google identity and is neither staff nor superuser; an address
 *   never proven before is claimed first (proveMailbox: whatever was set before the proof
 *   is removed), all in one transaction;
 * - else to a new account (username from the email's local part, decided by the database:
 *   a unique violation retries with another candidate, one on the email means a
 *   simultaneous sign-in created the account, which the next round finds).
 * Then a per-device API token within the account's token budget, and a browser session
 * when the site itself asked.
 */
export async function googleSignIn(input: unknown, ctx: GoogleSignInContext): Promise<GoogleSignIn> {
  const { log } = ctx;
  const client = { ip: ctx.ip, userAgent: ctx.userAgent ?? null };
  const signedInUserId = ctx.credential?.kind === "browser" ? signedInId(ctx) : null;
  const { token } = parseInput(googleLoginSchema, input, GOOGLE_TOKEN_REQUIRED);
  if (googleClientIds().length === 0) throw new DomainError("google_not_configured", GOOGLE_NOT_CONFIGURED, 400);
  await limitGoogleAttempt(ctx.ip, log, ctx.limiters);
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
  const allowed = googleAllowedDomains();
  if (allowed.length > 0 && !(identity.hostedDomain && allowed.includes(identity.hostedDomain))) {
    log.info({ event: "google_login.failed", reason: "domain_not_allowed" }, "Google sign-in refused");
    throw domainNotAllowed();
  }
  const email = identity.email;

  let userId: number | null = null;
  let created = false;
  try {
    for (let attempt = 0; userId === null && attempt < USERNAME_ATTEMPTS; attempt++) {
      const linked = await accountByGoogleSubject(ctx.db, identity.sub);
      if (linked !== null) {
        userId = await signInLinked(ctx.db, linked, identity, log);
        break;
      }
      if (signedInUserId) {
        userId = await linkSignedIn(ctx.db, signedInUserId, identity, log);
        break;
      }
      const existing = await accountByEmail(ctx.db, email);
      if (existing) {
        userId = await linkByEmail(ctx.db, existing.id, email, identity, log);
        break;
      }
      try {
        userId = await createGoogleAccount(ctx.db, email, identity, usernameCandidate(email, attempt), log);
        created = true;
      } catch (err) {
        // The database decided: another candidate, or the account (or link) a racing sign-in made.
        if (isDomainError(err) && ["username_taken", "email_taken", "google_subject_raced"].includes(err.code)) continue;
        throw err;
      }
    }
  } catch (err) {
    if (isDomainError(err) && err.code.startsWith("google_")) log.info({ event: "google_login.failed", reason: err.code }, "Google sign-in refused");
    throw err;
  }
  if (userId === null) throw new Error("no free username after several attempts");

  await limitTokenIssuance(userId, log, ctx.limiters);
  const key = await issueApiToken(ctx.db, userId, log, client);
  const session = ctx.browser ? await createSession(ctx.db, userId, client) : undefined;
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
    // The subject went to another new account meanwhile (same person, another address): roll back, look again.
    if (!(await linkGoogleSubject(tx, user.id, identity.sub, email))) throw new DomainError("google_subject_raced", "raced", 409);
    await recordAudit(tx, { actorId: user.id, action: "account.created_via_google", targetType: "User", targetId: user.id });
    return user.id;
  });
}

type Lifecycle = { isActive: boolean; selfDeactivated: boolean };

/** The account's row, locked; null when it is gone or closed by staff (refused like a bad token). */
async function lockUsable<T extends Lifecycle>(tx: Tx, rows: T[]): Promise<T | null> {
  const row = rows[0];
  return row && (row.isActive || row.selfDeactivated) ? row : null;
}

/** A self-deactivated account comes back with a sign-in; stamps lastLogin. */
async function signedIn(tx: Tx, id: number, row: Lifecycle): Promise<boolean> {
  if (!row.isActive) {
    await tx.user.update({ where: { id }, data: { isActive: true, selfDeactivated: false }, select: { id: true } });
    await recordAudit(tx, { actorId: id, action: "account.reactivated", targetType: "User", targetId: id, details: { via: "google" } });
  }
  await tx.user.update({ where: { id }, data: { lastLogin: new Date() }, select: { id: true } });
  return !row.isActive;
}

function inactive(log: Logger, id: number): DomainError {
  log.info({ event: "google_login.failed", reason: "account_inactive", userId: id }, "Google sign-in refused");
  return invalidGoogleToken();
}

function reactivatedLog(log: Logger, id: number, reactivated: boolean): void {
  if (reactivated) log.info({ event: "account.reactivated", userId: id, via: "google" }, "account reactivated");
}

/** The subject is linked to this account: sign in. */
async function signInLinked(db: Db, id: number, identity: GoogleIdentity, log: Logger): Promise<number> {
  const reactivated = await inTransaction(db, async (tx) => {
    const row = await lockUsable(tx, await lockUserRow<Lifecycle>(tx, id, Prisma.sql`"isActive", "selfDeactivated"`));
    if (!row) return null;
    await touchGoogleSubject(tx, id, identity.sub);
    return signedIn(tx, id, row);
  });
  if (reactivated === null) throw inactive(log, id);
  reactivatedLog(log, id, reactivated);
  return id;
}

/** This browser is signed in to the account (its owner proved the password or the mailbox): link the new subject to it. */
async function linkSignedIn(db: Db, id: number, identity: GoogleIdentity, log: Logger): Promise<number> {
  await inTransaction(db, async (tx) => {
    await lockUser(tx, id);
    const current = await googleSubjectOf(tx, id);
    if (current !== null && current !== identity.sub) throw otherGoogleAccount();
    if (current === null) {
      if (!(await linkGoogleSubject(tx, id, identity.sub, identity.email!))) throw googleLinkedElsewhere();
      await recordAudit(tx, { actorId: id, action: "account.google_linked", targetType: "User", targetId: id, details: { via: "signed_in" } });
      await tellOwnerGoogleLinked(tx, id);
    }
    await tx.user.update({ where: { id }, data: { lastLogin: new Date() }, select: { id: true } });
  });
  log.info({ event: "google_login.linked", userId: id, via: "signed_in" }, "Google linked to the signed-in account");
  return id;
}

/**
 * The account with the address Google asserts, not linked to this subject: link it when
 * it has no other Google identity and is neither staff nor superuser (an address, even a
 * proven one, is never enough for those: a stale or re-registered Google account would
 * take them over). An address never proven is claimed by this proof first.
 */
async function linkByEmail(db: Db, id: number, email: string, identity: GoogleIdentity, log: Logger): Promise<number> {
  const outcome = await inTransaction(db, async (tx) => {
    const row = await lockUsable(
      tx,
      await lockUserRow<Lifecycle & { sameEmail: boolean; privileged: boolean }>(
        tx,
        id,
        Prisma.sql`"isActive", "selfDeactivated", "isStaff" OR "isSuperuser" AS "privileged", ${ciEquals(column("email"), email)} AS "sameEmail"`,
      ),
    );
    if (!row?.sameEmail) return null; // gone, moved, or closed by staff
    const current = await googleSubjectOf(tx, id);
    if (current !== null && current !== identity.sub) throw otherGoogleAccount();
    let proof = { verifiedNow: false, evicted: false, ended: 0 };
    if (current === null) {
      if (row.privileged) throw staffNotLinked();
      proof = await proveMailbox(tx, id, "google");
      if (proof.verifiedNow) await recordAudit(tx, { actorId: id, action: "email.verified", targetType: "User", targetId: id, details: { via: "google" } });
      if (!(await linkGoogleSubject(tx, id, identity.sub, email))) throw googleLinkedElsewhere();
      await recordAudit(tx, { actorId: id, action: "account.google_linked", targetType: "User", targetId: id, details: { via: "email" } });
      // A claim already emailed the owner (with a reset link); otherwise say that Google now opens the account.
      if (!proof.evicted) await tellOwnerGoogleLinked(tx, id);
    }
    return { proof, reactivated: await signedIn(tx, id, row) };
  });
  if (!outcome) throw inactive(log, id);
  if (outcome.proof.evicted) log.warn({ event: "account.claimed_by_mailbox", userId: id, via: "google", sessionsEnded: outcome.proof.ended }, "unproven account claimed by its mailbox");
  if (outcome.proof.verifiedNow) log.info({ event: "email.verified", userId: id, via: "google" }, "email verified by Google");
  reactivatedLog(log, id, outcome.reactivated);
  log.info({ event: "google_login.linked", userId: id, via: "email" }, "Google linked by its verified address");
  return id;
}

/**
 * A Google account now opens an existing account: its owner hears of it at the account's
 * address, in the linking transaction, so a link nobody meant (a borrowed session, say) is
 * noticed; /account/security removes it.
 */
async function tellOwnerGoogleLinked(tx: Tx, id: number): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({ where: { id }, select: { username: true, email: true } });
  if (!user.email) return;
  const t = translator(await recipientLocale(tx, id));
  await enqueueEmail(tx, {
    kind: "account.google_linked",
    to: user.email,
    subject: t("mail.googleLinked.subject"),
    text: `${t("mail.greeting", { name: user.username })}\n\n${t("mail.googleLinked.body")}\n`,
  });
}
