import { z } from "zod";
import { auditActorId, isOperator, requireActiveSuperuser, requireStaffFlag, type Actor } from "../actor";
import type { Credential } from "../auth/request";
import { requireRecentSecondFactor, stepUpCode } from "../two-factor/step-up";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { idSchema } from "../validation/pagination";
import { parseInput } from "../validation/parse";
import { staffReason } from "./admin-schema";

// A superuser grants or removes someone's staff flag. Nobody removes their own (the
// staff area would lock its last keeper out by a slip); removing staff also removes
// superuser (CHECK "User_superuser_is_staff"). Audited with the reason.

const FORM_BOOLEANS: Record<string, boolean> = { true: true, false: false };

export const setStaffSchema = z.object(
  {
    userId: idSchema("User id"),
    isStaff: z.preprocess(
      (v) => (typeof v === "string" && v.toLowerCase() in FORM_BOOLEANS ? FORM_BOOLEANS[v.toLowerCase()] : v),
      z.boolean({ error: "Staff must be true or false." }),
    ),
    reason: staffReason(),
  },
  { error: "The request body must be a JSON object." },
);

export async function setStaff(
  input: unknown,
  actor: Actor,
  db: Db,
  log: Logger = logger,
  /** The session or token acting: granting staff wants a recent second factor when the actor has 2FA (issue 20). */
  credential: Credential | null = null,
): Promise<{ userId: number; username: string; isStaff: boolean; changed: boolean }> {
  requireStaffFlag(actor);
  const { userId, isStaff, reason } = parseInput(setStaffSchema, input);
  if (isStaff && !isOperator(actor)) await requireRecentSecondFactor(db, actor.id, credential, stepUpCode(input), log);
  if (!isStaff && userId === actor.id) {
    throw new DomainError("self_unstaff", "You cannot remove your own staff access.", 400);
  }
  const result = await inTransaction(db, async (tx) => {
    await requireActiveSuperuser(tx, actor);
    const rows = await tx.$queryRaw<{ username: string; isStaff: boolean }[]>`
      SELECT "username", "isStaff" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (!rows[0]) throw new DomainError("user_not_found", "No such user.", 404);
    const changed = rows[0].isStaff !== isStaff;
    if (changed) {
      await tx.user.update({ where: { id: userId }, data: isStaff ? { isStaff: true } : { isStaff: false, isSuperuser: false }, select: { id: true } });
    }
    await recordAudit(tx, {
      actorId: auditActorId(actor),
      action: isStaff ? "user.staff_granted" : "user.staff_removed",
      targetType: "User",
      targetId: userId,
      notes: reason ?? null,
      details: { changed },
    });
    return { userId, username: rows[0].username, isStaff, changed };
  });
  log.info({ event: "user.staff_set", userId, isStaff, changed: result.changed, actorId: actor.id }, "staff flag set");
  return result;
}
