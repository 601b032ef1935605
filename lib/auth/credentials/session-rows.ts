import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { directQuery } from "../../db/direct-query";
import { Prisma } from "../../db/generated/client";
import { ownProfileColumns, toOwnProfile } from "../../users/own-profile-row";
import type { OwnProfile } from "../../users/get-profile";
import type { Tx } from "../../db/transaction";
import type { Logger } from "../../log/logger";
import { DomainError } from "../../errors";
import type { Role } from "../../users/register-schema";
import { INVALID_CREDENTIALS } from "../sign-in/login-schema";
import type { AuthUser } from "../who/types";

// Server-side browser sessions. A sign-in creates a Session row; the next-auth cookie
// (an encrypted JWT) carries only a random 256-bit secret naming it, and the row keeps
// only the secret's SHA-256 (like ApiToken), so a database dump holds no live session.
// Every request that reads the user reads the row in the same query: a missing, expired,
// idle or revoked row is signed out, so deleting the row ends the session everywhere.

const DEFAULT_MAX_AGE_DAYS = 30;
const DEFAULT_IDLE_DAYS = 14;
/** lastSeenAt is written at most this often per session (one write a minute, not per request). */
const TOUCH_EVERY_SECONDS = 60;
/** Expired rows deleted per sign-in (a bounded sweep piggybacking on session creation). */
const SWEEP_BATCH = 100;

function days(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isSafeInteger(value) || value < 1 || value > 3650) throw new Error(`${name} must be a whole number of days from 1 to 3650 (got "${raw}").`);
  return value;
}

/** Absolute lifetime of a browser session (SESSION_MAX_AGE_DAYS, default 30). */
export const sessionMaxAgeDays = (): number => days("SESSION_MAX_AGE_DAYS", DEFAULT_MAX_AGE_DAYS);
/** A session unused this long is over (SESSION_IDLE_DAYS, default 14). */
export const sessionIdleDays = (): number => days("SESSION_IDLE_DAYS", DEFAULT_IDLE_DAYS);

export const SESSION_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashSessionSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export interface ClientInfo {
  ip?: string | null;
  userAgent?: string | null;
}

function clip(value: string | null | undefined, max: number): string | null {
  if (!value || value === "unknown") return null;
  // Control characters have no business in a device label shown back to the person.
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  return clean ? [...clean].slice(0, max).join("") : null;
}

/**
 * A new session for `userId`: returns the secret for the cookie (never stored) and the
 * row's id. One guarded statement: the user must be active and, when the sign-in says
 * which password hash it verified (`credentialStamp`), that hash must still be the
 * account's. It locks the user's row (FOR SHARE) so a password change, deactivation or
 * deletion running at the same time either sees this session and ends it, or makes
 * this insert a no-op: a sign-in with the old password never outlives the change.
 */
export async function createSession(
  db: Db | Tx,
  userId: number,
  client: ClientInfo = {},
  opts: { credentialStamp?: string } = {},
): Promise<{ secret: string; id: number }> {
  const secret = randomBytes(32).toString("base64url");
  const maxAge = sessionMaxAgeDays();
  const stamp = opts.credentialStamp ?? null;
  const rows = await db.$queryRaw<{ id: number }[]>`
    INSERT INTO "Session" ("userId", "tokenHash", "expiresAt", "ip", "userAgent")
    SELECT u."id", ${hashSessionSecret(secret)}, now() + make_interval(days => ${maxAge}::int),
           ${clip(client.ip, 64)}, ${clip(client.userAgent, 512)}
    FROM "User" u
    WHERE u."id" = ${userId} AND u."isActive"
      AND (${stamp}::text IS NULL OR encode(sha256(convert_to(u."passwordHash", 'UTF8')), 'hex') = ${stamp}::text)
    FOR SHARE OF u
    RETURNING "id"`;
  if (!rows[0]) throw credentialsChanged();
  await sweepExpiredSessions(db);
  return { secret, id: rows[0].id };
}

/** The account changed (password, deactivation, deletion) between verification and sign-in. */
export function credentialsChanged(): DomainError {
  return new DomainError("invalid_credentials", INVALID_CREDENTIALS, 400);
}

/** Deletes up to a batch of expired or idle sessions (every sign-in calls this; bounded). */
export async function sweepExpiredSessions(db: Db | Tx): Promise<number> {
  const idle = sessionIdleDays();
  return db.$executeRaw`
    DELETE FROM "Session" WHERE "id" IN (
      SELECT "id" FROM "Session"
      WHERE "expiresAt" <= now() OR "lastSeenAt" <= now() - make_interval(days => ${idle}::int)
      LIMIT ${SWEEP_BATCH}::int
      FOR UPDATE SKIP LOCKED)`;
}

export interface SessionUser {
  user: AuthUser;
  sessionId: number;
  /** The row still names a viewed member, but the viewing is over (expired, or the member changed): Stop it. */
  viewAsEnded?: boolean;
  /** Read only when asked (`withProfile`). */
  profile?: OwnProfile;
}

type SessionRow = {
  sessionId: number;
  id: number;
  username: string;
  email: string;
  isStaff: boolean;
  role: Role | null;
  viewId: number | null;
  viewUsername: string | null;
  viewEmail: string | null;
  viewRole: Role | null;
  viewUntil: Date | null;
  viewAsSet: boolean;
};

/**
 * The active user of a live session, and the session's id, in one round trip: the row
 * must exist, be within its absolute lifetime and its idle timeout, and its user must be
 * active. The same statement moves lastSeenAt on when it is more than a minute old
 * (a data-modifying CTE always runs), so a busy session costs one write a minute.
 *
 * A staff session viewing as a member ("view as") answers with that member, flagged
 * `viewedBy`, while the viewing lasts, its owner is still staff and the member is active
 * and not staff; otherwise with its owner.
 */
export async function userForSession(
  db: Db,
  secret: string | undefined | null,
  opts: { withProfile?: boolean } = {},
): Promise<SessionUser | null> {
  if (!secret || !SESSION_SECRET_PATTERN.test(secret)) return null;
  const idle = sessionIdleDays();
  // withProfile: the answering user's own profile (the viewed member's while viewing as)
  // in the same statement, for the profile route (one round trip).
  const profileColumns = opts.withProfile ? ownProfileColumns("eu", "ep", "er") : Prisma.empty;
  const profileJoins = opts.withProfile
    ? Prisma.sql`LEFT JOIN "User" eu ON eu."id" = coalesce(v."id", u."id")
    LEFT JOIN "Profile" ep ON ep."userId" = eu."id"
    LEFT JOIN "UserPreference" er ON er."userId" = eu."id"`
    : Prisma.empty;
  const rows = await directQuery<SessionRow & Record<string, unknown>>(db, Prisma.sql`
    WITH s AS (
      SELECT "id", "userId", "lastSeenAt", "viewAsUserId", "viewAsUntil" FROM "Session"
      WHERE "tokenHash" = ${hashSessionSecret(secret)}
        AND "expiresAt" > now()
        AND "lastSeenAt" > now() - make_interval(days => ${idle}::int)
    ), touched AS (
      UPDATE "Session" SET "lastSeenAt" = now()
      FROM s WHERE "Session"."id" = s."id" AND s."lastSeenAt" < now() - make_interval(secs => ${TOUCH_EVERY_SECONDS}::int)
      RETURNING 1
    )
    SELECT s."id" AS "sessionId", u."id", u."username", u."email", u."isStaff", p."role"::text AS "role",
           v."id" AS "viewId", v."username" AS "viewUsername", v."email" AS "viewEmail", vp."role"::text AS "viewRole",
           s."viewAsUntil" AS "viewUntil", s."viewAsUserId" IS NOT NULL AS "viewAsSet" ${profileColumns}
    FROM s JOIN "User" u ON u."id" = s."userId" AND u."isActive"
    LEFT JOIN "Profile" p ON p."userId" = u."id"
    LEFT JOIN "User" v ON v."id" = s."viewAsUserId" AND s."viewAsUntil" > now() AND u."isStaff" AND v."isActive" AND NOT v."isStaff"
    LEFT JOIN "Profile" vp ON vp."userId" = v."id"
    ${profileJoins}`);
  const row = rows[0];
  if (!row) return null;
  const profile = opts.withProfile ? { profile: toOwnProfile(row) } : {};
  if (row.viewId !== null) {
    return {
      ...profile,
      sessionId: row.sessionId,
      user: {
        id: row.viewId,
        username: row.viewUsername!,
        email: row.viewEmail!,
        isStaff: false,
        role: row.viewRole ?? "explorer",
        viewedBy: { staffId: row.id, staffUsername: row.username, until: row.viewUntil! },
      },
    };
  }
  return {
    sessionId: row.sessionId,
    user: { id: row.id, username: row.username, email: row.email, isStaff: row.isStaff, role: row.role ?? "explorer" },
    ...(row.viewAsSet ? { viewAsEnded: true } : {}),
    ...profile,
  };
}

/** Ends the session this secret names (sign-out). Returns the ended row's id, or null. */
export async function deleteSessionBySecret(db: Db, secret: string | undefined | null): Promise<number | null> {
  if (!secret || !SESSION_SECRET_PATTERN.test(secret)) return null;
  const rows = await db.$queryRaw<{ id: number }[]>`
    DELETE FROM "Session" WHERE "tokenHash" = ${hashSessionSecret(secret)} RETURNING "id"`;
  return rows[0]?.id ?? null;
}

/** Ends one of the user's sessions by its id; returns whether it existed. */
export async function deleteSessionById(db: Db, userId: number, sessionId: number, log?: Logger): Promise<boolean> {
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId } });
  log?.info({ event: "session.ended", userId, sessionId, existed: count > 0 }, "session ended");
  return count > 0;
}
