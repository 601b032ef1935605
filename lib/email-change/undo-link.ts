import type { Db } from "../db/client";
import type { Tx } from "../db/transaction";
import { Prisma } from "../db/generated/client";
import { parseLinkParts } from "../one-time-links/token";
import type { ChangeRef } from "./link";

// The undo link of a made email change: mailed to the address the change took away
// (lib/email-change/confirm.ts), kept on the EmailChange row as undoTokenHash.

/** Where the old address's notice leads: `/change-email/undo/<uid>/<secret>/`. */
export const UNDO_PAGE = "/change-email/undo";

export interface PendingUndo {
  changeId: number;
  userId: number;
  username: string;
  /** The address the change took away, which the undo restores. */
  fromEmail: string;
  /** The account's address now (the change's, or a later one's). */
  currentEmail: string | null;
}

// The conditions of a usable undo link, the same for reading and spending it: not spent,
// not expired (nor ended by the undo of an earlier change), and an account that is active
// or closed by its owner. A staff-deactivated account is not reopened by a link.
function usable(tokenHash: string, userId: number): Prisma.Sql {
  return Prisma.sql`c."undoTokenHash" = ${tokenHash} AND c."userId" = ${userId}
      AND c."undoneAt" IS NULL AND c."undoExpiresAt" > now() AND (u."isActive" OR u."selfDeactivated")`;
}

/** The change an undo link names, without spending it (the GET of its page); spendUndo decides. */
export async function pendingUndo(db: Db | Tx, ref: ChangeRef): Promise<PendingUndo | null> {
  const parsed = parseLinkParts(ref);
  if (!parsed) return null;
  const rows = await db.$queryRaw<PendingUndo[]>`
    SELECT c."id" AS "changeId", c."userId", u."username", c."fromEmail", u."email" AS "currentEmail"
    FROM "EmailChange" c JOIN "User" u ON u."id" = c."userId"
    WHERE ${usable(parsed.tokenHash, parsed.userId)}`;
  return rows[0] ?? null;
}

/**
 * Spends an undo link: ONE conditional UPDATE in the caller's transaction. Of simultaneous
 * presses the first takes the row lock; the others re-check `undoneAt IS NULL` after it
 * commits and match nothing.
 */
export async function spendUndo(tx: Tx, ref: ChangeRef): Promise<PendingUndo | null> {
  const parsed = parseLinkParts(ref);
  if (!parsed) return null;
  const rows = await tx.$queryRaw<PendingUndo[]>`
    UPDATE "EmailChange" c SET "undoneAt" = now()
    FROM "User" u
    WHERE u."id" = c."userId" AND ${usable(parsed.tokenHash, parsed.userId)}
    RETURNING c."id" AS "changeId", c."userId", u."username", c."fromEmail", u."email" AS "currentEmail"`;
  return rows[0] ?? null;
}

/**
 * Ends the undo links of the changes made after `changeId`: an undo hands the account back
 * to the address it restores, so a later change's link (held by whoever made it) must not
 * take it away again. Earlier changes' links stay: the first owner's address still wins.
 */
export async function endLaterUndoLinks(tx: Tx, userId: number, changeId: number): Promise<number> {
  return tx.$executeRaw`
    UPDATE "EmailChange" SET "undoExpiresAt" = now()
    WHERE "userId" = ${userId} AND "id" > ${changeId} AND "undoneAt" IS NULL AND "undoExpiresAt" > now()`;
}
