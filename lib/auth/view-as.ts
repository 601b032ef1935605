import { z } from "zod";
import { requireActiveStaff, requireStaffFlag, type Actor } from "../actor";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { staffReason } from "../users/admin-schema";
import { idSchema } from "../validation/pagination";
import { requireRecentSecondFactor, stepUpCode } from "../two-factor/step-up";
import { parseInput } from "../validation/parse";

// "View as" (issue 14 point 4): a staff member's browser session shows the site as one
// non-staff member, for support, for at most an hour. It lives on the staff member's own
// Session row (viewAsUserId, viewAsUntil): userForSession answers with the member,
// flagged `viewedBy`; requireUserAction, requireOwnSessionAction and the cookie API
// refuse every change while the flag is set; the member is not staff, so no staff page
// opens. The trigger Session_view_as_guard holds the same rules for any writer.

export const VIEW_AS_MINUTES = 60;

export const startViewAsSchema = z.object({ userId: idSchema("User id"), reason: staffReason() }, { error: "The request body must be a JSON object." });

export async function startViewAs(
  input: unknown,
  actor: Actor,
  sessionId: number,
  db: Db,
  log: Logger = logger,
): Promise<{ userId: number; username: string; until: Date }> {
  requireStaffFlag(actor);
  const { userId, reason } = parseInput(startViewAsSchema, input);
  // With 2FA on: a second factor on this session in the last 10 minutes (issue 20).
  await requireRecentSecondFactor(db, actor.id, { kind: "browser", id: sessionId }, stepUpCode(input), log);
  if (userId === actor.id) throw new DomainError("view_as_self", "You cannot view the site as yourself.", 400);
  const result = await inTransaction(db, async (tx) => {
    await requireActiveStaff(tx, actor);
    // FOR SHARE: a grant of staff to the member waits for (or is seen by) this check.
    const rows = await tx.$queryRaw<{ username: string; isStaff: boolean; isActive: boolean }[]>`
      SELECT "username", "isStaff", "isActive" FROM "User" WHERE "id" = ${userId} FOR SHARE`;
    const target = rows[0];
    if (!target) throw new DomainError("user_not_found", "No such user.", 404);
    if (target.isStaff) throw new DomainError("view_as_staff", "Staff accounts cannot be viewed as.", 403);
    if (!target.isActive) throw new DomainError("view_as_inactive", "An inactive account cannot be viewed as: it cannot sign in.", 400);
    const updated = await tx.$queryRaw<{ until: Date }[]>`
      UPDATE "Session" SET "viewAsUserId" = ${userId}, "viewAsUntil" = now() + make_interval(mins => ${VIEW_AS_MINUTES}::int)
      WHERE "id" = ${sessionId} AND "userId" = ${actor.id}
      RETURNING "viewAsUntil" AS "until"`;
    if (!updated[0]) throw new DomainError("not_authenticated", "Your session has ended. Sign in again and retry.", 401);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.view_as_started",
      targetType: "User",
      targetId: userId,
      notes: reason ?? null,
      details: { sessionId, until: updated[0].until.toISOString() },
    });
    return { userId, username: target.username, until: updated[0].until };
  });
  log.info({ event: "view_as.started", userId, staffId: actor.id, sessionId }, "staff started viewing as a member");
  return result;
}

/** Ends the viewing on this staff session (Stop). Audited when something was being viewed. */
export async function stopViewAs(staffId: number, sessionId: number, db: Db, log: Logger = logger): Promise<{ userId: number | null }> {
  const result = await inTransaction(db, async (tx) => {
    const rows = await tx.$queryRaw<{ viewed: number | null; expired: boolean }[]>`
      UPDATE "Session" s SET "viewAsUserId" = NULL, "viewAsUntil" = NULL
      FROM (SELECT "id", "viewAsUserId", "viewAsUntil" FROM "Session" WHERE "id" = ${sessionId} AND "userId" = ${staffId} FOR UPDATE) old
      WHERE s."id" = old."id"
      RETURNING old."viewAsUserId" AS "viewed", (old."viewAsUntil" <= now()) AS "expired"`;
    const viewed = rows[0]?.viewed ?? null;
    if (viewed !== null) {
      await recordAudit(tx, {
        actorId: staffId,
        action: "user.view_as_stopped",
        targetType: "User",
        targetId: viewed,
        details: { sessionId, expired: rows[0].expired },
      });
    }
    return { userId: viewed };
  });
  log.info({ event: "view_as.stopped", userId: result.userId, staffId, sessionId }, "staff stopped viewing as a member");
  return result;
}
