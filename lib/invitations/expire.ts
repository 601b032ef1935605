import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { logger, type Logger } from "../log/logger";

/**
 * "An expired pending invitation is marked expired on sight": flips the given
 * invitations (or all of an inviter's, or all) whose time ran out, conditionally, so
 * that racing readers mark each one once. Returns the ids it changed.
 */
export async function expireOverdueInvitations(
  db: Db,
  scope: { invitationId: number } | { inviterId: number } | "all",
  log: Logger = logger,
): Promise<number[]> {
  const invitationId = typeof scope === "object" && "invitationId" in scope ? scope.invitationId : null;
  const inviterId = typeof scope === "object" && "inviterId" in scope ? scope.inviterId : null;
  const ids = await inTransaction(db, async (tx) => {
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
  if (ids.length) log.info({ event: "invitation.expired", invitationIds: ids }, "invitations expired on sight");
  return ids;
}
