import type { Db } from "../db/client";
import type { Tx } from "../db/transaction";
import { ciEquals, column } from "../db/sql";
import { Prisma } from "../db/generated/client";
import { parseLinkParts } from "../one-time-links/token";

// An email change link is a one-time link of its own table (EmailChange): unlike the
// other links it is mailed to an address the account does not have yet.

/** How long a change link lives: a day, like GitHub's; the old address keeps working meanwhile. */
export const EMAIL_CHANGE_TTL_MINUTES = 24 * 60;
/** How long the old address can undo a change it was told about (lib/email-change/undo.ts). */
export const EMAIL_CHANGE_UNDO_DAYS = 7;

export interface ChangeRef {
  uid: unknown;
  token: unknown;
}

export interface PendingChange {
  userId: number;
  username: string;
  fromEmail: string;
  newEmail: string;
  /** The account's language (Profile.locale), for the emails. */
  locale: string;
}

// The conditions of a usable link, the same for reading and spending it: unspent,
// unexpired, an active account whose address and password are still the ones the change
// was asked with.
function usable(tokenHash: string, userId: number): Prisma.Sql {
  return Prisma.sql`c."tokenHash" = ${tokenHash} AND c."userId" = ${userId}
      AND c."usedAt" IS NULL AND c."expiresAt" > now() AND u."isActive"
      AND ${ciEquals(column("u.email"), column("c.fromEmail"))}
      AND c."credentialStamp" = encode(sha256(convert_to(u."passwordHash", 'UTF8')), 'hex')`;
}

/** The change a link names, without spending it (the GET of its page); spendChange decides. */
export async function pendingChange(db: Db | Tx, ref: ChangeRef): Promise<PendingChange | null> {
  const parsed = parseLinkParts(ref);
  if (!parsed) return null;
  const rows = await db.$queryRaw<PendingChange[]>`
    SELECT c."userId", u."username", c."fromEmail", c."newEmail", coalesce(p."locale", 'en') AS "locale"
    FROM "EmailChange" c JOIN "User" u ON u."id" = c."userId" LEFT JOIN "Profile" p ON p."userId" = u."id"
    WHERE ${usable(parsed.tokenHash, parsed.userId)}`;
  return rows[0] ?? null;
}

/**
 * Spends a change link: ONE conditional UPDATE in the caller's transaction. It matches an
 * unspent, unexpired link of an active account whose address and password are still the ones
 * the change was asked with. Of simultaneous presses the first takes the row lock; the others
 * re-check `usedAt IS NULL` after it commits and match nothing. The same UPDATE stores the
 * hash of the undo link that the old address is sent.
 */
export async function spendChange(tx: Tx, ref: ChangeRef, undoTokenHash: string): Promise<PendingChange | null> {
  const parsed = parseLinkParts(ref);
  if (!parsed) return null;
  const rows = await tx.$queryRaw<PendingChange[]>`
    UPDATE "EmailChange" c SET "usedAt" = now(), "undoTokenHash" = ${undoTokenHash},
           "undoExpiresAt" = now() + make_interval(days => ${EMAIL_CHANGE_UNDO_DAYS}::int)
    FROM "User" u LEFT JOIN "Profile" p ON p."userId" = u."id"
    WHERE u."id" = c."userId" AND ${usable(parsed.tokenHash, parsed.userId)}
    RETURNING c."userId", u."username", c."fromEmail", c."newEmail", coalesce(p."locale", 'en') AS "locale"`;
  return rows[0] ?? null;
}
