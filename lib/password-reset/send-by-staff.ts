import { z } from "zod";
import { auditActorId, requireActiveStaff, requireMayActOn, requireStaffFlag, type Actor } from "../actor";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { staffReason } from "../users/admin-schema";
import { idSchema } from "../validation/pagination";
import { parseInput } from "../validation/parse";
import { queueResetEmail } from "./request";

// Staff send a member a password-reset link (support: "I can't get in"). The link goes to
// the member's own address, never to staff, so staff never hold a way into the account;
// the reason goes into the audit row. Not rate-limited like a public request: it is
// staff-only and audited.

export const sendResetByStaffSchema = z.object({ userId: idSchema("User id"), reason: staffReason() }, { error: "The request body must be a JSON object." });

export async function sendPasswordResetByStaff(
  input: unknown,
  actor: Actor,
  db: Db,
  log: Logger = logger,
): Promise<{ userId: number; username: string }> {
  requireStaffFlag(actor);
  const { userId, reason } = parseInput(sendResetByStaffSchema, input);
  const username = await inTransaction(db, async (tx) => {
    await requireActiveStaff(tx, actor);
    const [user] = await tx.$queryRaw<{ username: string; email: string | null; isActive: boolean; selfDeactivated: boolean; isStaff: boolean; isSuperuser: boolean }[]>`
      SELECT "username", "email", "isActive", "selfDeactivated", "isStaff", "isSuperuser" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (!user) throw new DomainError("user_not_found", "No such user.", 404);
    await requireMayActOn(tx, actor, { id: userId, isStaff: user.isStaff, isSuperuser: user.isSuperuser });
    if (!user.email) throw new DomainError("no_email", "This account has no email address to send a link to.", 400);
    // The reset page refuses a staff-deactivated account, so the link would only confuse.
    if (!user.isActive && !user.selfDeactivated) throw new DomainError("inactive", "This account was deactivated by staff: reactivate it first.", 400);
    await queueResetEmail(tx, { id: userId, username: user.username, email: user.email });
    await recordAudit(tx, {
      actorId: auditActorId(actor),
      action: "user.password_reset_sent",
      targetType: "User",
      targetId: userId,
      notes: reason ?? null,
    });
    return user.username;
  });
  log.info({ event: "password_reset.sent_by_staff", userId, actorId: actor.id }, "password reset link sent by staff");
  return { userId, username };
}
