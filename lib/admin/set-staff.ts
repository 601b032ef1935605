import { DomainError } from "../errors";
import { stepUpCode } from "../two-factor/step-up";
import { setStaffSchema } from "./schemas";
import { parseStaffInput, staffAction, staffActor } from "./staff-action";
import type { UseCaseContext } from "../use-case/context";

/**
 * A superuser grants or removes someone's staff flag. Nobody removes their own (the staff
 * area would lock its last keeper out by a slip); removing staff also removes superuser
 * (CHECK "User_superuser_is_staff").
 */
export async function setStaff(input: unknown, ctx: UseCaseContext): Promise<{ userId: number; username: string; isStaff: boolean; changed: boolean }> {
  const { userId, isStaff, reason } = parseStaffInput(ctx, setStaffSchema, input);
  if (!isStaff && userId === staffActor(ctx).id) throw new DomainError("self_unstaff", "You cannot remove your own staff access.", 400);
  // Granting staff is a step-up action (issue 20); removing it is not.
  const stepUp = isStaff ? { code: stepUpCode(input) } : undefined;
  return staffAction(ctx, { userId, reason, action: isStaff ? "user.staff_granted" : "user.staff_removed", actor: "superuser", stepUp }, async (tx, target) => {
    const changed = target.isStaff !== isStaff;
    if (changed) {
      await tx.user.update({ where: { id: userId }, data: isStaff ? { isStaff: true } : { isStaff: false, isSuperuser: false }, select: { id: true } });
    }
    return { result: { userId, username: target.username, isStaff, changed }, details: { changed } };
  });
}
