import { requireActiveStaff, requireStaffFlag } from "../actor";
import { recordAudit } from "../audit/record";
import { inTransaction } from "../db/transaction";
import type { GuideProfile } from "../profiles/promote-to-guide";
import { legacyActor, requireSignedIn, type UseCaseContext } from "../use-case/context";
import { parseInput } from "../validation/parse";
import { acceptInTransaction, type AcceptOutcome } from "./accept-core";
import { invitationIdSchema } from "./id-schema";
import { expireOverdueInvitations } from "./expire";
import { invalidToken, inviteeUnverified, noAccountForEmail, NOT_FOUND } from "./messages";
import { hashInvitationToken, TOKEN_PATTERN } from "./token";
import { invitationTokenSchema } from "./token-schema";
import { invitationViewSelect, type InvitationView } from "./view";
import { ciEquals, column } from "../db/sql";

export interface AcceptedInvitation {
  invitation: InvitationView;
  /** The invitee's profile after the change. */
  profile: GuideProfile;
}

/**
 * The signed-in user accepts the invitation from their link: their email must be the
 * invitation's (any letter case), and only a pending, unexpired invitation is
 * accepted, once. Invitation, profile and audit row commit together.
 */
export async function acceptInvitation(input: unknown, ctx: UseCaseContext): Promise<AcceptedInvitation> {
  const actor = requireSignedIn(ctx);
  const { token } = parseInput(invitationTokenSchema, input);
  if (!TOKEN_PATTERN.test(token)) throw invalidToken();
  const tokenHash = hashInvitationToken(token);
  const outcome = await inTransaction(ctx.db, async (tx) => {
    const result = await acceptInTransaction(tx, { tokenHash }, actor.id);
    if (result.ok) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "invitation.accepted",
        targetType: "TeacherInvitation",
        targetId: result.invitationId,
        details: { inviteeId: actor.id, profile: { ...result.profile } },
      });
    }
    return result;
  });
  return finish(outcome, ctx, { inviteeId: actor.id, by: actor.id });
}

/**
 * Staff accept on behalf of the registered user whose email matches the invitation
 * (a support case). Same rules and effect; the audit row names the staff member.
 */
export async function acceptInvitationOnBehalf(input: unknown, ctx: UseCaseContext): Promise<AcceptedInvitation> {
  const actor = legacyActor(ctx);
  requireStaffFlag(actor);
  const { invitationId } = parseInput(invitationIdSchema, input);
  let inviteeId = 0;
  const outcome = await inTransaction(ctx.db, async (tx): Promise<AcceptOutcome> => {
    await requireActiveStaff(tx, actor);
    const invitation = await tx.teacherInvitation.findUnique({ where: { id: invitationId }, select: { inviteeEmail: true } });
    if (!invitation) throw NOT_FOUND();
    // FOR SHARE: the address and its proof cannot change until this commits.
    const users = await tx.$queryRaw<{ id: number; verified: boolean }[]>`
      SELECT "id", "emailVerifiedAt" IS NOT NULL AS "verified" FROM "User"
      WHERE ${ciEquals(column("email"), invitation.inviteeEmail)}
      FOR SHARE`;
    if (!users[0]) throw noAccountForEmail();
    // A squatter may have registered the address: only a proven one is promoted (issue 11).
    if (!users[0].verified) throw inviteeUnverified();
    inviteeId = users[0].id;
    const result = await acceptInTransaction(tx, { id: invitationId }, inviteeId);
    if (result.ok) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "invitation.accepted_on_behalf",
        targetType: "TeacherInvitation",
        targetId: invitationId,
        details: { inviteeId, profile: { ...result.profile } },
      });
    }
    return result;
  });
  return finish(outcome, ctx, { inviteeId, by: actor.id });
}

async function finish(outcome: AcceptOutcome, ctx: UseCaseContext, who: { inviteeId: number; by: number }): Promise<AcceptedInvitation> {
  const { db, log } = ctx;
  if (!outcome.ok) {
    if (outcome.overdueId) await expireOverdueInvitations({ invitationId: outcome.overdueId }, ctx);
    log.info({ event: "invitation.accept_refused", reason: outcome.error.code, ...who }, "invitation not accepted");
    throw outcome.error;
  }
  log.info({ event: "invitation.accepted", invitationId: outcome.invitationId, ...who }, "invitation accepted");
  const invitation = await db.teacherInvitation.findUniqueOrThrow({ where: { id: outcome.invitationId }, select: invitationViewSelect });
  return { invitation, profile: outcome.profile };
}
