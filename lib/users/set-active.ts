import { auditActorId, requireActiveStaff, requireMayActOn, requireStaffFlag, type Actor } from "../actor";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { parseInput } from "../validation/parse";
import { setActiveSchema } from "./admin-schema";

/**
 * Staff (or the operator) activate or deactivate an account. A deactivated user cannot
 * sign in; their sessions and API tokens are deleted in the same transaction. Another
 * staff account or a superuser: only a superuser (requireMayActOn).
 */
export async function setUserActive(
  input: unknown,
  actor: Actor,
  db: Db,
  log: Logger = logger,
): Promise<{ userId: number; username: string; isActive: boolean; changed: boolean }> {
  requireStaffFlag(actor);
  const { userId, active, reason } = parseInput(setActiveSchema, input);
  if (!active && userId === actor.id) {
    throw new DomainError("self_deactivation", "You cannot deactivate your own account.", 400);
  }
  const result = await inTransaction(db, async (tx) => {
    await requireActiveStaff(tx, actor);
    const rows = await tx.$queryRaw<{ username: string; isActive: boolean; isStaff: boolean; isSuperuser: boolean }[]>`
      SELECT "username", "isActive", "isStaff", "isSuperuser" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (!rows[0]) throw new DomainError("user_not_found", "No such user.", 404);
    await requireMayActOn(tx, actor, { id: userId, ...rows[0] });
    const changed = rows[0].isActive !== active;
    // Staff's decision replaces a self-deactivation: the account no longer reopens by signing in.
    await tx.user.update({ where: { id: userId }, data: { isActive: active, selfDeactivated: false }, select: { id: true } });
    // Deactivation ends every session and token, so a later re-activation revives none.
    if (!active) {
      await tx.apiToken.deleteMany({ where: { userId } });
      await tx.session.deleteMany({ where: { userId } });
    }
    await recordAudit(tx, {
      actorId: auditActorId(actor),
      action: active ? "user.activated" : "user.deactivated",
      targetType: "User",
      targetId: userId,
      notes: reason ?? null,
      details: { changed },
    });
    return { userId, username: rows[0].username, isActive: active, changed };
  });
  log.info({ event: "user.activation_changed", userId, active, changed: result.changed, actorId: actor.id }, "account activation set");
  return result;
}
