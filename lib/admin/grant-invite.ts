import { NOT_FOUND } from "../invitations/messages";
import { setCanInviteTeachersSchema } from "./schemas";
import { parseStaffInput, staffAction } from "./staff-action";
import type { UseCaseContext } from "../use-case/context";

/**
 * Grant or revoke canInviteTeachers. The profile row is locked after the member's, so
 * this waits for (and is respected by) an invitation being sent by that member.
 */
export async function setCanInviteTeachers(
  input: unknown,
  ctx: UseCaseContext,
): Promise<{ userId: number; username: string; canInviteTeachers: boolean; changed: boolean }> {
  const { userId, canInviteTeachers, reason } = parseStaffInput(ctx, setCanInviteTeachersSchema, input);
  const action = canInviteTeachers ? "profile.invite_permission_granted" : "profile.invite_permission_revoked";
  return staffAction(ctx, { userId, reason, action }, async (tx, target) => {
    const rows = await tx.$queryRaw<{ canInviteTeachers: boolean }[]>`
      SELECT "canInviteTeachers" FROM "Profile" WHERE "userId" = ${userId} FOR UPDATE`;
    if (!rows[0]) throw NOT_FOUND();
    const changed = rows[0].canInviteTeachers !== canInviteTeachers;
    if (changed) await tx.profile.update({ where: { userId }, data: { canInviteTeachers } });
    return { result: { userId, username: target.username, canInviteTeachers, changed }, details: { previous: rows[0].canInviteTeachers, changed } };
  });
}
