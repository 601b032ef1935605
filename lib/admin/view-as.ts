import { recordAudit } from "../audit/record";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { notAuthenticated } from "../auth/who/guards";
import { stepUpCode } from "../two-factor/step-up";
import { startViewAsSchema } from "./schemas";
import { parseStaffInput, staffAction, staffActor } from "./staff-action";
import { requireSignedIn, type UseCaseContext } from "../use-case/context";

// "View as" (issue 14 point 4): a staff member's browser session shows the site as one
// non-staff member, for support, for at most an hour. It lives on the staff member's own
// Session row (viewAsUserId, viewAsUntil): userForSession answers with the member,
// flagged `viewedBy`; requireUserAction, requireOwnSessionAction and the cookie API
// refuse every change while the flag is set; the member is not staff, so no staff page
// opens. The trigger Session_view_as_guard holds the same rules for any writer.

export const VIEW_AS_MINUTES = 60;
export const STAFF_NOT_VIEWABLE = "Staff accounts cannot be viewed as.";

export async function startViewAs(input: unknown, ctx: UseCaseContext): Promise<{ userId: number; username: string; until: Date }> {
  const { userId, reason } = parseStaffInput(ctx, startViewAsSchema, input);
  const actor = staffActor(ctx);
  // The browser session that will view; the second-factor check (stepUp) is about it too.
  const sessionId = ctx.credential?.kind === "browser" ? ctx.credential.id : undefined;
  if (userId === actor.id) throw new DomainError("view_as_self", "You cannot view the site as yourself.", 400);
  // Only a browser session can view as someone: the operator has none.
  if (sessionId === undefined) throw new DomainError("not_authenticated", "Your session has ended. Sign in again and retry.", 401);
  // FOR SHARE: a grant of staff to the member waits for (or is seen by) this check.
  return staffAction(ctx, { userId, reason, action: "user.view_as_started", lock: "share", staffTarget: { nobody: STAFF_NOT_VIEWABLE }, stepUp: { code: stepUpCode(input) } }, async (tx, target) => {
    if (!target.isActive) throw new DomainError("view_as_inactive", "An inactive account cannot be viewed as: it cannot sign in.", 400);
    const updated = await tx.$queryRaw<{ until: Date }[]>`
      UPDATE "Session" SET "viewAsUserId" = ${userId}, "viewAsUntil" = now() + make_interval(mins => ${VIEW_AS_MINUTES}::int)
      WHERE "id" = ${sessionId} AND "userId" = ${actor.id}
      RETURNING "viewAsUntil" AS "until"`;
    if (!updated[0]) throw new DomainError("not_authenticated", "Your session has ended. Sign in again and retry.", 401);
    return { result: { userId, username: target.username, until: updated[0].until }, details: { sessionId, until: updated[0].until.toISOString() } };
  });
}

/**
 * Ends the viewing on the acting staff member's browser session (ctx.credential): Stop, or
 * the hour ran out. Audited when something was being viewed. No input: the session says it all.
 */
export async function stopViewAs(_input: unknown, ctx: UseCaseContext): Promise<{ userId: number | null }> {
  const staffId = requireSignedIn(ctx).id;
  if (ctx.credential?.kind !== "browser") throw notAuthenticated();
  const sessionId = ctx.credential.id;
  const result = await inTransaction(ctx.db, async (tx) => {
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
  ctx.log.info({ event: "view_as.stopped", userId: result.userId, staffId, sessionId }, "staff stopped viewing as a member");
  return result;
}
