import { isActiveStaff } from "../actor";
import { recordAudit } from "../audit/record";
import { inTransaction } from "../db/transaction";
import { requireSignedIn, type UseCaseContext } from "../use-case/context";
import { parseInput } from "../validation/parse";
import { expireOverdueInvitations } from "./expire";
import { invitationIdSchema } from "./id-schema";
import { NOT_FOUND, notUsable, type InvitationStatus } from "./messages";
import { invitationViewSelect, type InvitationView } from "./view";

/**
 * The inviter (or any staff member) cancels a pending, unexpired invitation: one
 * conditional UPDATE whose row count decides, so a cancel racing an accept loses or
 * wins whole. Someone else's invitation is "Not found." to a non-staff user.
 */
export async function cancelInvitation(input: unknown, ctx: UseCaseContext): Promise<InvitationView> {
  const actor = requireSignedIn(ctx);
  const { db, log } = ctx;
  const { invitationId } = parseInput(invitationIdSchema, input);
  const outcome = await inTransaction(db, async (tx) => {
    const staff = actor.isStaff && (await isActiveStaff(tx, actor.id));
    const cancelled = await tx.$queryRaw<{ inviterId: number }[]>`
      UPDATE "TeacherInvitation" SET "status" = 'cancelled'
      WHERE "id" = ${invitationId}
        AND "status" = 'pending' AND "expiresAt" > now()
        AND ("inviterId" = ${actor.id} OR ${staff})
      RETURNING "inviterId"`;
    if (cancelled.length === 1) {
      const byStaff = cancelled[0].inviterId !== actor.id;
      await recordAudit(tx, {
        actorId: actor.id,
        action: "invitation.cancelled",
        targetType: "TeacherInvitation",
        targetId: invitationId,
        details: { byStaff },
      });
      return { ok: true as const, byStaff };
    }
    // inviterId is null on history whose inviter deleted their account: nobody's to cancel.
    const rows = await tx.$queryRaw<{ inviterId: number | null; status: InvitationStatus; overdue: boolean }[]>`
      SELECT "inviterId", "status"::text AS "status", "expiresAt" <= now() AS "overdue"
      FROM "TeacherInvitation" WHERE "id" = ${invitationId}`;
    const row = rows[0];
    if (!row || (row.inviterId !== actor.id && !staff)) return { ok: false as const, error: NOT_FOUND() };
    if (row.status !== "pending") return { ok: false as const, error: notUsable(row.status) };
    return { ok: false as const, error: notUsable("expired"), overdue: row.overdue };
  });
  if (!outcome.ok) {
    if ("overdue" in outcome && outcome.overdue) await expireOverdueInvitations({ invitationId }, ctx);
    log.info({ event: "invitation.cancel_refused", invitationId, reason: outcome.error.code, by: actor.id }, "invitation not cancelled");
    throw outcome.error;
  }
  log.info({ event: "invitation.cancelled", invitationId, by: actor.id, byStaff: outcome.byStaff }, "invitation cancelled");
  return db.teacherInvitation.findUniqueOrThrow({ where: { id: invitationId }, select: invitationViewSelect });
}
