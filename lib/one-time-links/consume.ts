import type { Db } from "../db/client";
import type { Tx } from "../db/transaction";
import type { LinkPurpose } from "./config";
import { parseLinkParts } from "./token";
import { ciEquals, column } from "../db/sql";

export interface LinkRef {
  uid: unknown;
  token: unknown;
  purpose: LinkPurpose;
}

/**
 * Spends a link: ONE conditional UPDATE, in the caller's transaction (the one of the
 * link's effect). It matches only an unspent, unexpired link of this purpose and user,
 * still mailed to the account's current address. Of simultaneous uses the first takes the
 * row lock; the others re-check `usedAt IS NULL` after it commits and match nothing.
 * Returns the user's id, or null (unknown, spent, expired, malformed: one answer).
 */
export async function consumeLink(tx: Tx, ref: LinkRef): Promise<number | null> {
  const parsed = parseLinkParts(ref);
  if (!parsed) return null;
  const rows = await tx.$queryRaw<{ userId: number }[]>`
    UPDATE "OneTimeLink" l SET "usedAt" = now()
    FROM "User" u
    WHERE l."tokenHash" = ${parsed.tokenHash}
      AND l."purpose" = ${ref.purpose}::"OneTimeLinkPurpose"
      AND l."userId" = ${parsed.userId}
      AND l."usedAt" IS NULL
      AND l."expiresAt" > now()
      AND u."id" = l."userId"
      AND ${ciEquals(column("u.email"), column("l.email"))}
    RETURNING l."userId"`;
  return rows[0]?.userId ?? null;
}

export interface LiveLink {
  userId: number;
  username: string;
  email: string;
  isActive: boolean;
  selfDeactivated: boolean;
  /** When the account was created (the link pages show it: is this the account you made?). */
  dateJoined: Date;
  /** The address was proven before (pressing the link then changes nothing else). */
  emailVerified: boolean;
}

/**
 * Reads a link without spending it (a GET of its page, and the checks a use case makes
 * before its slow work). Same conditions as consumeLink; consumeLink still decides.
 */
export async function findLiveLink(db: Db | Tx, ref: LinkRef): Promise<LiveLink | null> {
  const parsed = parseLinkParts(ref);
  if (!parsed) return null;
  const rows = await db.$queryRaw<LiveLink[]>`
    SELECT u."id" AS "userId", u."username", u."email", u."isActive", u."selfDeactivated",
           u."dateJoined", u."emailVerifiedAt" IS NOT NULL AS "emailVerified"
    FROM "OneTimeLink" l JOIN "User" u ON u."id" = l."userId"
    WHERE l."tokenHash" = ${parsed.tokenHash}
      AND l."purpose" = ${ref.purpose}::"OneTimeLinkPurpose"
      AND l."userId" = ${parsed.userId}
      AND l."usedAt" IS NULL
      AND l."expiresAt" > now()
      AND ${ciEquals(column("u.email"), column("l.email"))}`;
  return rows[0] ?? null;
}
