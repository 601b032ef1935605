import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { directQuery } from "../../db/direct-query";
import { Prisma } from "../../db/generated/client";
import { ownProfileColumns, toOwnProfile } from "../../users/own-profile-row";
import type { OwnProfile } from "../../users/get-profile";
import type { Tx } from "../../db/transaction";
import type { Logger } from "../../log/logger";
import type { Role } from "../../users/register-schema";
import { credentialsChanged, type ClientInfo } from "./session-rows";
import type { AuthUser } from "../who/types";

// DRF-style API tokens: 40 hex characters (160 random bits), sent as
// `Authorization: Token <key>`. Only SHA-256(key) is stored (a fast hash is enough for a
// random 160-bit key: there is nothing to guess), so a key cannot be shown twice. One
// token per signed-in device: every sign-in through the API issues a new key and leaves
// the user's other devices signed in; logout ends only the token that made the request.
// Tokens also expire.

export const API_TOKEN_PATTERN = /^[0-9a-f]{40}$/;
/** lastUsedAt is written at most this often per token. */
const TOUCH_EVERY_SECONDS = 60;

export function apiTokenTtlDays(): number {
  const raw = process.env.API_TOKEN_TTL_DAYS;
  const days = raw === undefined || raw === "" ? 90 : Number(raw);
  if (!Number.isSafeInteger(days) || days < 1 || days > 3650) throw new Error(`API_TOKEN_TTL_DAYS must be a whole number of days from 1 to 3650 (got "${raw}").`);
  return days;
}

export function hashApiToken(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

function clip(value: string | null | undefined, max: number): string | null {
  if (!value || value === "unknown") return null;
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  return clean ? [...clean].slice(0, max).join("") : null;
}

/**
 * A new key for one more device of `userId`; the user's expired tokens are swept in
 * passing. Guarded like createSession(): the user must be active and the verified
 * password hash (credentialStamp) still the account's, under a FOR SHARE lock.
 */
export async function issueApiToken(
  db: Db | Tx,
  userId: number,
  log?: Logger,
  client: ClientInfo = {},
  opts: { credentialStamp?: string } = {},
): Promise<string> {
  const key = randomBytes(20).toString("hex");
  const days = apiTokenTtlDays();
  const stamp = opts.credentialStamp ?? null;
  const inserted = await db.$executeRaw`
    INSERT INTO "ApiToken" ("userId", "keyHash", "expiresAt", "ip", "userAgent")
    SELECT u."id", ${hashApiToken(key)}, now() + make_interval(days => ${days}::int), ${clip(client.ip, 64)}, ${clip(client.userAgent, 512)}
    FROM "User" u
    WHERE u."id" = ${userId} AND u."isActive"
      AND (${stamp}::text IS NULL OR encode(sha256(convert_to(u."passwordHash", 'UTF8')), 'hex') = ${stamp}::text)
    FOR SHARE OF u`;
  if (inserted !== 1) throw credentialsChanged();
  await db.$executeRaw`DELETE FROM "ApiToken" WHERE "userId" = ${userId} AND "expiresAt" <= now()`;
  log?.info({ event: "api_token.issued", userId, ttlDays: days }, "API token issued");
  return key;
}

/**
 * The active user owning an unexpired token with this key, and the token's id, in one
 * round trip; lastUsedAt moves on at most once a minute in the same statement.
 * `withProfile`: the same statement also reads the user's own profile (the profile route's
 * answer), so that read is one round trip too.
 */
export async function userForApiTokenWithId(
  db: Db,
  key: string,
  opts: { withProfile?: boolean } = {},
): Promise<{ user: AuthUser; tokenId: number; profile?: OwnProfile } | null> {
  if (!API_TOKEN_PATTERN.test(key)) return null;
  const rows = await directQuery<{ tokenId: number; id: number; username: string; email: string; isStaff: boolean; role: Role | null } & Record<string, unknown>>(db, Prisma.sql`
    WITH t AS (
      SELECT "id", "userId", "lastUsedAt" FROM "ApiToken"
      WHERE "keyHash" = ${hashApiToken(key)} AND "expiresAt" > now()
    ), touched AS (
      UPDATE "ApiToken" SET "lastUsedAt" = now()
      FROM t WHERE "ApiToken"."id" = t."id"
        AND (t."lastUsedAt" IS NULL OR t."lastUsedAt" < now() - make_interval(secs => ${TOUCH_EVERY_SECONDS}::int))
      RETURNING 1
    )
    SELECT t."id" AS "tokenId", u."id", u."username", u."email", u."isStaff", p."role"::text AS "role"
      ${opts.withProfile ? ownProfileColumns("u", "p", "r") : Prisma.empty}
    FROM t JOIN "User" u ON u."id" = t."userId" AND u."isActive"
    LEFT JOIN "Profile" p ON p."userId" = u."id"
    ${opts.withProfile ? Prisma.sql`LEFT JOIN "UserPreference" r ON r."userId" = u."id"` : Prisma.empty}`);
  const row = rows[0];
  if (!row) return null;
  return {
    tokenId: row.tokenId,
    user: { id: row.id, username: row.username, email: row.email, isStaff: row.isStaff, role: row.role ?? "explorer" },
    ...(opts.withProfile ? { profile: toOwnProfile(row) } : {}),
  };
}

/** The active user owning an unexpired token with this key, or null. */
export async function userForApiToken(db: Db, key: string): Promise<AuthUser | null> {
  return (await userForApiTokenWithId(db, key))?.user ?? null;
}

/** Deletes one token (the device that asks to sign out); returns whether it existed. */
export async function revokeApiTokenById(db: Db, userId: number, tokenId: number, log?: Logger): Promise<boolean> {
  const { count } = await db.apiToken.deleteMany({ where: { id: tokenId, userId } });
  log?.info({ event: "api_token.revoked", userId, tokenId, existed: count > 0 }, "API token revoked");
  return count > 0;
}
