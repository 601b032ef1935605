import { auditActorId, requireActiveStaff, requireStaffFlag, type Actor } from "../actor";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { logger, type Logger } from "../log/logger";
import { parseInput } from "../validation/parse";
import { setCanInviteTeachersSchema } from "./grant-schema";
import { NOT_FOUND } from "./messages";

/**
 * Staff grant or revoke canInviteTeachers. The profile row is locked first, so this
 * waits for (and is respected by) an invitation being sent by that user.
 */
export async function setCanInviteTeachers(
  input: unknown,
  actor: Actor,
  db: Db,
  log: Logger = logger,
): Promise<{ userId: number; canInviteTeachers: boolean; changed: boolean }> {
  requireStaffFlag(actor);
  const { userId, canInviteTeachers, reason } = parseInput(setCanInviteTeachersSchema, input);
  const result = await inTransaction(db, async (tx) => {
    await requireActiveStaff(tx, actor);
    const rows = await tx.$queryRaw<{ canInviteTeachers: boolean }[]>`
      SELECT "canInviteTeachers" FROM "Profile" WHERE "userId" = ${userId} FOR UPDATE`;
    if (!rows[0]) throw NOT_FOUND();
    const changed = rows[0].canInviteTeachers !== canInviteTeachers;
    if (changed) {
      await tx.profile.update({ where: { userId }, data: { canInviteTeachers } });
    }
    await recordAudit(tx, {
      actorId: auditActorId(actor),
      action: canInviteTeachers ? "profile.invite_permission_granted" : "profile.invite_permission_revoked",
      targetType: "User",
      targetId: userId,
      notes: reason ?? null,
      details: { previous: rows[0].canInviteTeachers, changed },
    });
    return { userId, canInviteTeachers, changed };
  });
  log.info({ event: "profile.invite_permission_set", userId, canInviteTeachers, changed: result.changed, staffId: actor.id }, "invite permission set");
  return result;
}
