import { z } from "zod";
import { auditActorId, isOperator, requireActiveStaff, requireStaffFlag, STAFF_EMAIL_NOT_VOUCHED, type Actor } from "../actor";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { idSchema } from "../validation/pagination";
import { parseInput } from "../validation/parse";
import { staffReason } from "./admin-schema";

// Staff vouch for a member's email address (they proved it some other way: a support
// conversation). Sets emailVerifiedAt once; an address already proven keeps its time.

export const markEmailVerifiedSchema = z.object({ userId: idSchema("User id"), reason: staffReason() }, { error: "The request body must be a JSON object." });

export async function markEmailVerified(
  input: unknown,
  actor: Actor,
  db: Db,
  log: Logger = logger,
): Promise<{ userId: number; username: string; emailVerifiedAt: Date; changed: boolean }> {
  requireStaffFlag(actor);
  const { userId, reason } = parseInput(markEmailVerifiedSchema, input);
  const result = await inTransaction(db, async (tx) => {
    await requireActiveStaff(tx, actor);
    const rows = await tx.$queryRaw<{ username: string; emailVerifiedAt: Date | null; isStaff: boolean; isSuperuser: boolean }[]>`
      SELECT "username", "emailVerifiedAt", "isStaff", "isSuperuser" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (!rows[0]) throw new DomainError("user_not_found", "No such user.", 404);
    // A proven address is what lets a mailbox's owner take over an account (reset, links,
    // Google): staff vouching for a colleague's would hand that over on one staff
    // member's word (review N-L6). Only the operator may.
    if ((rows[0].isStaff || rows[0].isSuperuser) && !isOperator(actor)) throw new DomainError("staff_target", STAFF_EMAIL_NOT_VOUCHED, 403);
    const changed = rows[0].emailVerifiedAt === null;
    const emailVerifiedAt = changed
      ? (await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() }, select: { emailVerifiedAt: true } })).emailVerifiedAt!
      : rows[0].emailVerifiedAt!;
    await recordAudit(tx, {
      actorId: auditActorId(actor),
      action: "user.email_marked_verified",
      targetType: "User",
      targetId: userId,
      notes: reason ?? null,
      details: { changed },
    });
    return { userId, username: rows[0].username, emailVerifiedAt, changed };
  });
  log.info({ event: "user.email_marked_verified", userId, changed: result.changed, actorId: actor.id }, "email marked verified by staff");
  return result;
}
