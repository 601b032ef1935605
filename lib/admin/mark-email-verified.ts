import { markEmailVerifiedSchema } from "./schemas";
import { parseStaffInput, staffAction } from "./staff-action";
import type { UseCaseContext } from "../use-case/context";

/**
 * Staff vouch for a member's address (proven some other way: a support conversation).
 * Sets emailVerifiedAt once; an address already proven keeps its time. A staff account's
 * address: only the operator (staffTarget "operator").
 */
export async function markEmailVerified(input: unknown, ctx: UseCaseContext): Promise<{ userId: number; username: string; emailVerifiedAt: Date; changed: boolean }> {
  const { userId, reason } = parseStaffInput(ctx, markEmailVerifiedSchema, input);
  return staffAction(ctx, { userId, reason, action: "user.email_marked_verified", staffTarget: "operator" }, async (tx, target) => {
    const changed = target.emailVerifiedAt === null;
    const emailVerifiedAt = changed
      ? (await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() }, select: { emailVerifiedAt: true } })).emailVerifiedAt!
      : target.emailVerifiedAt!;
    return { result: { userId, username: target.username, emailVerifiedAt, changed }, details: { changed } };
  });
}
