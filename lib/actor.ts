import type { Tx } from "./db/transaction";
import { DomainError } from "./errors";

/** Who is acting, as the adapter's session or API token says. */
export interface Actor {
  id: number;
  isStaff: boolean;
}

export const ADMIN_REQUIRED = "Admin permission required.";

/**
 * The operator at the console (`npm run manage`): staff by definition, but not a user
 * row (ids start at 1). Recognised by identity: no session or token can produce this
 * object, and a look-alike `{ id: 0, isStaff: true }` fails the database check.
 */
export const OPERATOR: Actor = Object.freeze({ id: 0, isStaff: true });

export function isOperator(actor: Actor): boolean {
  return actor === OPERATOR;
}

/** The actor as the audit log records it: the operator is the system (null). */
export function auditActorId(actor: Actor): number | null {
  return isOperator(actor) ? null : actor.id;
}

function forbidden(): DomainError {
  return new DomainError("forbidden", ADMIN_REQUIRED, 403);
}

/** The cheap check: the session says staff. Adapters may call it before parsing input. */
export function requireStaffFlag(actor: Actor): void {
  if (!actor.isStaff) throw forbidden();
}

/**
 * The authoritative check, inside the transaction that acts: a session may be older
 * than a revocation, so the database's flag decides.
 */
export async function requireActiveStaff(tx: Tx, actor: Actor): Promise<void> {
  requireStaffFlag(actor);
  if (isOperator(actor)) return;
  if (!(await isActiveStaff(tx, actor.id))) throw forbidden();
}

export async function isActiveStaff(tx: Tx, userId: number): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { isStaff: true, isActive: true } });
  return Boolean(user?.isStaff && user.isActive);
}

export const SUPERUSER_REQUIRED = "Only a superuser can grant or remove staff access.";

/**
 * Granting and removing staff: a superuser (or the operator). Checked in the database
 * inside the transaction that acts, like requireActiveStaff.
 */
export async function requireActiveSuperuser(tx: Tx, actor: Actor): Promise<void> {
  requireStaffFlag(actor);
  if (isOperator(actor)) return;
  const user = await tx.user.findUnique({ where: { id: actor.id }, select: { isStaff: true, isActive: true, isSuperuser: true } });
  if (!user?.isStaff || !user.isActive) throw forbidden();
  if (!user.isSuperuser) throw new DomainError("superuser_required", SUPERUSER_REQUIRED, 403);
}

export const STAFF_TARGET_REFUSED = "Only a superuser can do this to another staff account.";
export const STAFF_EMAIL_NOT_VOUCHED = "A staff account's email address is proven by its own link, not marked verified by staff.";

/** The account an action is about, as its locked row reads. */
export interface ActionTarget {
  id: number;
  isStaff: boolean;
  isSuperuser: boolean;
}

/**
 * Acting on another staff account or a superuser (deactivating, signing out everywhere,
 * sending a reset link) takes a superuser or the operator: otherwise one ordinary staff
 * account, rogue or stolen, could lock every superuser out (review N-L6). Called inside
 * the acting transaction, after the target's row is locked FOR UPDATE.
 */
export async function requireMayActOn(tx: Tx, actor: Actor, target: ActionTarget): Promise<void> {
  if (!target.isStaff && !target.isSuperuser) return;
  if (isOperator(actor) || target.id === actor.id) return;
  if (!(await isSuperuser(tx, actor.id))) throw new DomainError("superuser_required", STAFF_TARGET_REFUSED, 403);
}

export async function isSuperuser(tx: Pick<Tx, "user">, userId: number): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { isSuperuser: true, isStaff: true, isActive: true } });
  return Boolean(user?.isSuperuser && user.isStaff && user.isActive);
}
