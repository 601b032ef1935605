import type { Db } from "../db/client";
import type { UseCaseContext } from "../use-case/context";
import { parseInput } from "../validation/parse";
import { expireOverdueInvitations } from "./expire";
import { invalidToken } from "./messages";
import { hashInvitationToken, TOKEN_PATTERN } from "./token";
import { invitationTokenSchema } from "./token-schema";
import { invitationFieldsSelect, type InvitationFields } from "./view";

/** What the invitee's page shows (public: whoever holds the link). */
export interface InvitationPublicView extends InvitationFields {
  /** Null once the inviter deleted their account (never while the invitation is pending). */
  inviter: { username: string; displayName: string | null } | null;
}

/**
 * Looks an invitation up by the token from its link. Unknown or malformed tokens are
 * a 404 "This invitation link is not valid."; any other status is returned for the
 * page to explain. A pending invitation past its expiry is marked `expired` here.
 */
export async function getInvitationByToken(input: unknown, ctx: UseCaseContext): Promise<InvitationPublicView> {
  const { token } = parseInput(invitationTokenSchema, input);
  if (!TOKEN_PATTERN.test(token)) throw invalidToken();
  const found = await findByTokenHash(ctx.db, hashInvitationToken(token));
  if (!found) throw invalidToken();
  if (found.status === "pending" && found.overdue) {
    // Nothing can move an overdue invitation anywhere but to `expired`.
    await expireOverdueInvitations({ invitationId: found.id }, ctx);
    return { ...found.view, status: "expired" };
  }
  return found.view;
}

async function findByTokenHash(db: Db, tokenHash: string) {
  const row = await db.teacherInvitation.findUnique({
    where: { tokenHash },
    select: {
      ...invitationFieldsSelect,
      inviter: { select: { username: true, profile: { select: { displayName: true } } } },
    },
  });
  if (!row) return null;
  // The database's clock decides expiry everywhere (accept and cancel compare with now()).
  const [{ overdue }] = await db.$queryRaw<{ overdue: boolean }[]>`SELECT ${row.expiresAt}::timestamptz <= now() AS overdue`;
  const { inviter, ...rest } = row;
  const view: InvitationPublicView = {
    ...rest,
    inviter: inviter && { username: inviter.username, displayName: inviter.profile?.displayName ?? null },
  };
  return { id: row.id, status: row.status, overdue, view };
}

/**
 * Whether the signed-in person's address is the invitee's (any letter case): the page
 * offers "Accept" only then. An account without a usable email (imported from Django) is
 * nobody's invitee. The accept itself is decided by the database (accept-core.ts).
 */
export function isAddressedTo(v: Pick<InvitationPublicView, "inviteeEmail">, email: string | null): boolean {
  return email !== null && email.toLowerCase() === v.inviteeEmail.toLowerCase();
}
