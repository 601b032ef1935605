import { recordAudit } from "../audit/record";
import { inTransaction } from "../db/transaction";
import type { UseCaseContext } from "../use-case/context";
import { parseInput } from "../validation/parse";
import { expireOverdueSchema } from "./expire-schema";

/**
 * "An expired pending invitation is marked expired on sight": flips the given
 * invitations (or all of an inviter's, or all) whose time ran out, conditionally, so
 * that racing readers mark each one once. Returns the ids it changed. Any reader may
 * trigger it (the clock decided, not the actor), so it checks no actor.
 */
export async function expireOverdueInvitations(input: unknown, ctx: UseCaseContext): Promise<number[]> {
  const scope = parseInput(expireOverdueSchema, input);
  const invitationId = typeof scope === "object" && "invitationId" in scope ? scope.invitationId : null;
  const inviterId = typeof scope === "object" && "inviterId" in scope ? scope.inviterId : null;
  const ids = await inTransaction(ctx.db, async (tx) => {
    const rows = await tx.$queryRaw<{ id: number }[]>`
      UPDATE "TeacherInvitation" SET "status" = 'expired'
      WHERE "status" = 'pending' AND "expiresAt" <= now()
        AND (${invitationId}::int IS NULL OR "id" = ${invitationId}::int)
        AND (${inviterId}::int IS NULL OR "inviterId" = ${inviterId}::int)
      RETURNING "id"`;
    for (const { id } of rows) {
      await recordAudit(tx, { actorId: null, action: "invitation.expired", targetType: "TeacherInvitation", targetId: id });
    }
    return rows.map((r) => r.id);
  });
  if (ids.length) ctx.log.info({ event: "invitation.expired", invitationIds: ids }, "invitations expired on sight");
  return ids;
}
