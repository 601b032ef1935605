import { DomainError } from "../errors";
import { queueResetEmail } from "../password-reset/request";
import { sendResetLinkSchema } from "./schemas";
import { parseStaffInput, staffAction } from "./staff-action";
import type { UseCaseContext } from "../use-case/context";

/**
 * Staff send a member a password-reset link (support: "I can't get in"). The link goes to
 * the member's own address, never to staff, so staff never hold a way into the account.
 * Not rate-limited like a public request: staff-only and audited.
 */
export async function sendPasswordResetByStaff(input: unknown, ctx: UseCaseContext): Promise<{ userId: number; username: string }> {
  const { userId, reason } = parseStaffInput(ctx, sendResetLinkSchema, input);
  return staffAction(ctx, { userId, reason, action: "user.password_reset_sent" }, async (tx, target) => {
    if (!target.email) throw new DomainError("no_email", "This account has no email address to send a link to.", 400);
    // The reset page refuses a staff-deactivated account, so the link would only confuse.
    if (!target.isActive && !target.selfDeactivated) throw new DomainError("inactive", "This account was deactivated by staff: reactivate it first.", 400);
    await queueResetEmail(tx, { id: userId, username: target.username, email: target.email });
    return { result: { userId, username: target.username } };
  });
}
