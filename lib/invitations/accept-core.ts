import { Prisma } from "../db/generated/client";
import type { Tx } from "../db/transaction";
import { notAuthenticated } from "../auth/who/guards";
import type { DomainError } from "../errors";
import { promoteToGuide, type GuideProfile } from "../profiles/promote-to-guide";
import { invalidToken, NOT_FOUND, notUsable, otherEmail, type InvitationStatus } from "./messages";
import { ciEquals, column } from "../db/sql";

export type InvitationLocator = { tokenHash: string } | { id: number };

export type AcceptOutcome =
  | { ok: true; invitationId: number; inviterId: number; profile: GuideProfile }
  | { ok: false; error: DomainError; /** Set when the refusal is "expired" and the row still says pending. */ overdueId?: number };

/**
 * The acceptance itself, in the caller's transaction: one conditional UPDATE from
 * `pending` and unexpired, matching the user's email in any letter case; its row
 * count decides. Two accepts (or an accept and a cancel) racing on one invitation
 * serialize on the row lock; the loser re-reads a non-pending row and matches nothing.
 * Then the profile change, in the same transaction. Refusals are returned, not
 * thrown, so the caller chooses between committing (nothing was written) and
 * rolling back a larger transaction.
 */
export async function acceptInTransaction(tx: Tx, locator: InvitationLocator, userId: number): Promise<AcceptOutcome> {
  // The invitee's row first, as the foreign key check would lock it anyway, but before any
  // write: an account deletion holding it (lib/users/delete-account.ts) finishes first, and
  // a deleted account accepts nothing (instead of failing the inviteeId foreign key).
  const invitee = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR KEY SHARE`;
  if (!invitee[0]) return { ok: false, error: notAuthenticated() };
  const match = "tokenHash" in locator ? Prisma.sql`i."tokenHash" = ${locator.tokenHash}` : Prisma.sql`i."id" = ${locator.id}`;
  const accepted = await tx.$queryRaw<{ id: number; inviterId: number }[]>`
    UPDATE "TeacherInvitation" i
    SET "status" = 'accepted', "inviteeId" = u."id", "acceptedAt" = now()
    FROM "User" u
    WHERE ${match}
      AND u."id" = ${userId}
      AND i."status" = 'pending'
      AND i."expiresAt" > now()
      AND ${ciEquals(column("i.inviteeEmail"), column("u.email"))}
    RETURNING i."id", i."inviterId"`;
  if (accepted.length === 1) {
    // Accepted through the token from the email: the address is proven (issue 11). Staff
    // accepting on behalf prove nothing (and need an already proven address).
    // One owner per address (issue 18, docs/ways-back-in.md): the token is redeemed by
    // someone signed in to this very account, the case where proveMailbox evicts nothing.
    // Since that rule, only the password opens an unproven account (a magic link, Google
    // or a reset prove it on the way in, evicting what they did not set; the migration
    // 20261206000100 ended the magic-link sessions made before), so the acceptor holds
    // both the mailbox and the password and nobody else is there to evict.
    if ("tokenHash" in locator) {
      await tx.$executeRaw`UPDATE "User" SET "emailVerifiedAt" = coalesce("emailVerifiedAt", now()) WHERE "id" = ${userId}`;
    }
    const profile = await promoteToGuide(tx, userId);
    return { ok: true, invitationId: accepted[0].id, inviterId: accepted[0].inviterId, profile };
  }

  // Why not: read the row as it is now (after any racing transaction committed).
  const rows = await tx.$queryRaw<{ id: number; status: InvitationStatus; overdue: boolean }[]>`
    SELECT i."id", i."status"::text AS "status", i."expiresAt" <= now() AS "overdue"
    FROM "TeacherInvitation" i WHERE ${match}`;
  const row = rows[0];
  if (!row) return { ok: false, error: "tokenHash" in locator ? invalidToken() : NOT_FOUND() };
  if (row.status !== "pending") return { ok: false, error: notUsable(row.status) };
  if (row.overdue) return { ok: false, error: notUsable("expired"), overdueId: row.id };
  return { ok: false, error: otherEmail() };
}
