import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import type { Logger } from "../log/logger";
import type { AuthUser } from "./types";

// DRF-style API tokens: 40 hex characters (160 random bits), sent as
// `Authorization: Token <key>`. Only SHA-256(key) is stored (a fast hash is enough for a
// random 160-bit key: there is nothing to guess), so a key cannot be shown twice: every
// sign-in through the API issues a new key and the user's previous key stops working
// (one token per user, as in DRF). Sign-out deletes it; tokens also expire.

export const API_TOKEN_PATTERN = /^[0-9a-f]{40}$/;

export function apiTokenTtlDays(): number {
  const raw = process.env.API_TOKEN_TTL_DAYS;
  const days = raw === undefined || raw === "" ? 90 : Number(raw);
  if (!Number.isSafeInteger(days) || days < 1 || days > 3650) throw new Error(`API_TOKEN_TTL_DAYS must be a whole number of days from 1 to 3650 (got "${raw}").`);
  return days;
}

export function hashApiToken(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** A new key for `userId`, replacing any previous one in one atomic statement. */
export async function issueApiToken(db: Db, userId: number, log?: Logger): Promise<string> {
  const key = randomBytes(20).toString("hex");
  const days = apiTokenTtlDays();
  // INSERT … ON CONFLICT is one atomic statement (unlike Prisma's upsert): two sign-ins
  // at once leave exactly one row, holding whichever key was written last.
  await db.$executeRaw`
    INSERT INTO "ApiToken" ("userId", "keyHash", "expiresAt")
    VALUES (${userId}, ${hashApiToken(key)}, now() + make_interval(days => ${days}::int))
    ON CONFLICT ("userId") DO UPDATE
      SET "keyHash" = EXCLUDED."keyHash", "createdAt" = now(), "expiresAt" = EXCLUDED."expiresAt"`;
  log?.info({ event: "api_token.issued", userId, ttlDays: days }, "API token issued");
  return key;
}

/** The active user owning an unexpired token with this key, or null. */
export async function userForApiToken(db: Db, key: string): Promise<AuthUser | null> {
  if (!API_TOKEN_PATTERN.test(key)) return null;
  const token = await db.apiToken.findFirst({
    where: { keyHash: hashApiToken(key), expiresAt: { gt: new Date() }, user: { isActive: true } },
    select: { user: { select: { id: true, username: true, email: true, isStaff: true, profile: { select: { role: true } } } } },
  });
  if (!token) return null;
  const { user } = token;
  return { id: user.id, username: user.username, email: user.email, isStaff: user.isStaff, role: user.profile?.role ?? "explorer" };
}

/** Deletes the user's token; returns whether there was one. */
export async function revokeApiToken(db: Db, userId: number, log?: Logger): Promise<boolean> {
  const { count } = await db.apiToken.deleteMany({ where: { userId } });
  log?.info({ event: "api_token.revoked", userId, existed: count > 0 }, "API token revoked");
  return count > 0;
}
