import type { Tx } from "./db/transaction";
import { DomainError } from "./errors";

/** Who is acting, as the adapter's session or API token says. */
export interface Actor {
  id: number;
  isStaff: boolean;
}

export const ADMIN_REQUIRED = "Admin permission required.";

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
  if (!(await isActiveStaff(tx, actor.id))) throw forbidden();
}

export async function isActiveStaff(tx: Tx, userId: number): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { isStaff: true, isActive: true } });
  return Boolean(user?.isStaff && user.isActive);
}
