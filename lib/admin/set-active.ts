import { DomainError } from "../errors";
import { setActiveSchema } from "./schemas";
import { parseStaffInput, staffAction, staffActor } from "./staff-action";
import type { UseCaseContext } from "../use-case/context";

/**
 * Activate or deactivate an account. A deactivated member cannot sign in; their sessions
 * and API tokens go in the same transaction, so a later reactivation revives none.
 */
export async function setUserActive(input: unknown, ctx: UseCaseContext): Promise<{ userId: number; username: string; isActive: boolean; changed: boolean }> {
  const { userId, active, reason } = parseStaffInput(ctx, setActiveSchema, input);
  if (!active && userId === staffActor(ctx).id) throw new DomainError("self_deactivation", "You cannot deactivate your own account.", 400);
  return staffAction(ctx, { userId, reason, action: active ? "user.activated" : "user.deactivated" }, async (tx, target) => {
    const changed = target.isActive !== active;
    // Staff's decision replaces a self-deactivation: the account no longer reopens by signing in.
    await tx.user.update({ where: { id: userId }, data: { isActive: active, selfDeactivated: false }, select: { id: true } });
    if (!active) {
      await tx.apiToken.deleteMany({ where: { userId } });
      await tx.session.deleteMany({ where: { userId } });
    }
    return { result: { userId, username: target.username, isActive: active, changed }, details: { changed } };
  });
}
