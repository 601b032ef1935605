import type { z } from "zod";
import { auditActorId, isOperator, type Actor, requireActiveStaff, requireActiveSuperuser, requireMayActOn, requireStaffFlag, STAFF_EMAIL_NOT_VOUCHED } from "../actor";
import { recordAudit } from "../audit/record";
import { requireRecentSecondFactor } from "../two-factor/step-up";
import { inTransaction, type Tx } from "../db/transaction";
import { DomainError } from "../errors";
import { parseInput } from "../validation/parse";
import { legacyActor, type UseCaseContext } from "../use-case/context";
import { Prisma } from "../db/generated/client";
import { lockUserRow } from "../db/sql";

// The one skeleton behind every staff action on a member: check the actor, lock the
// member's row, refuse an unknown id, check the actor may act on THIS member, run the
// change, and write the audit row with the reason, all in one transaction. A new staff
// action is the change itself and nothing else.

export const NO_SUCH_USER = "No such user.";

/** The member's row as the action sees it, locked. */
export interface StaffTarget {
  id: number;
  username: string;
  email: string | null;
  isActive: boolean;
  selfDeactivated: boolean;
  isStaff: boolean;
  isSuperuser: boolean;
  emailVerifiedAt: Date | null;
}

export interface StaffActionSpec {
  userId: number;
  reason: string;
  /** The audit row's action, e.g. "user.deactivated". */
  action: string;
  /** Who may run it at all: active staff (default) or an active superuser. */
  actor?: "staff" | "superuser";
  /**
   * Who may do it to a staff account or superuser: a superuser (default; anyone may act on
   * their own account), only the operator (vouching for a colleague's address), or nobody
   * (refused with the given sentence: "view as").
   */
  staffTarget?: "superuser" | "operator" | { nobody: string };
  /** FOR SHARE where the action only reads the member and must see a concurrent change (view as). */
  lock?: "update" | "share";
  /**
   * A sensitive action (issue 20): with 2FA on, the acting session or token needs a second
   * factor from the last 10 minutes, or `code` (an API body's) confirmed in place. Not the
   * operator, who has no session.
   */
  stepUp?: { code: unknown };
}

/**
 * The acting staff member as lib/actor.ts checks them: the operator (CLI) or the signed-in
 * account from ctx.actor; anyone signed out is a 401, a member without the flag a 403.
 */
export function staffActor(ctx: UseCaseContext): Actor {
  return legacyActor(ctx);
}

/**
 * The input of a staff action, parsed after the cheap staff check: a non-staff caller
 * learns nothing about the input's shape, only "Admin permission required.".
 */
export function parseStaffInput<S extends z.ZodType>(ctx: UseCaseContext, schema: S, input: unknown): z.output<S> {
  requireStaffFlag(staffActor(ctx));
  return parseInput(schema, input);
}

export async function staffAction<T>(
  ctx: UseCaseContext,
  spec: StaffActionSpec,
  change: (tx: Tx, target: StaffTarget) => Promise<{ result: T; details?: Prisma.InputJsonValue }>,
): Promise<T> {
  const actor = staffActor(ctx);
  requireStaffFlag(actor);
  if (spec.stepUp && !isOperator(actor)) await requireRecentSecondFactor(ctx.db, actor.id, ctx.credential ?? null, spec.stepUp.code, ctx.log);
  const outcome = await inTransaction(ctx.db, async (tx) => {
    // The session may be older than a revocation: the database's flags decide.
    await (spec.actor === "superuser" ? requireActiveSuperuser(tx, actor) : requireActiveStaff(tx, actor));
    const target = await lockMember(tx, spec.userId, spec.lock ?? "update");
    if (!target) throw new DomainError("user_not_found", NO_SUCH_USER, 404);
    const staffTarget = target.isStaff || target.isSuperuser;
    if (typeof spec.staffTarget === "object") {
      if (staffTarget) throw new DomainError("staff_target", spec.staffTarget.nobody, 403);
    } else if (spec.staffTarget === "operator") {
      // A proven address lets its mailbox take the account over (reset, links, Google):
      // one staff member's word must not hand over a colleague's (review N-L6).
      if (staffTarget && !isOperator(actor)) throw new DomainError("staff_target", STAFF_EMAIL_NOT_VOUCHED, 403);
    } else if (spec.actor !== "superuser") {
      await requireMayActOn(tx, actor, target);
    }
    const { result, details } = await change(tx, target);
    await recordAudit(tx, { actorId: auditActorId(actor), action: spec.action, targetType: "User", targetId: target.id, notes: spec.reason, details });
    return result;
  });
  // The reason stays in the audit row: free text may name people, so not in the logs.
  ctx.log.info({ event: "staff_action.done", action: spec.action, userId: spec.userId, actorId: actor.id }, "staff action done");
  return outcome;
}

async function lockMember(tx: Tx, userId: number, lock: "update" | "share"): Promise<StaffTarget | undefined> {
  const columns = Prisma.sql`"id", "username", "email", "isActive", "selfDeactivated", "isStaff", "isSuperuser", "emailVerifiedAt"`;
  // "View as" only reads the member: a share lock keeps them from changing meanwhile
  // without queueing behind (or blocking) their own sign-ins. Every change takes the
  // user lock every other account change takes (lib/db/sql.ts).
  const rows =
    lock === "share"
      ? await tx.$queryRaw<StaffTarget[]>`SELECT ${columns} FROM "User" WHERE "id" = ${userId} FOR SHARE`
      : await lockUserRow<StaffTarget>(tx, userId, columns);
  return rows[0];
}
