import { recordAudit } from "../audit/record";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import type { UseCaseContext } from "../use-case/context";
import { createUserWithProfile, prepareRegistration, type RegisteredUser } from "./register";

/**
 * The operator creates a staff account (a superuser, who may grant and remove staff, with
 * `superuser: true` in the input): the sign-up rules (username, email, password policy,
 * case-insensitive uniqueness) and the same write, with the staff flag and the audit row
 * in the same transaction as the user and the profile. Only the console's operator may:
 * no session or token can make a staff account out of nothing.
 */
export async function createStaffUser(input: unknown, ctx: UseCaseContext): Promise<RegisteredUser> {
  if (ctx.actor.kind !== "operator") throw new DomainError("forbidden", "Only the operator at the console can create staff accounts.", 403);
  const { db, log } = ctx;
  const superuser = typeof input === "object" && input !== null && (input as { superuser?: unknown }).superuser === true;
  // The operator vouches for the address (as markEmailVerified lets only the operator do
  // for staff): without it a new staff member must prove it by link before inviting.
  const verified = typeof input === "object" && input !== null && (input as { verified?: unknown }).verified === true;
  const registration = await prepareRegistration(input, db, log);
  const user = await inTransaction(db, async (tx) => {
    const created = await createUserWithProfile(tx, registration, log);
    await tx.user.update({ where: { id: created.id }, data: { isStaff: true, isSuperuser: superuser, ...(verified ? { emailVerifiedAt: new Date() } : {}) }, select: { id: true } });
    await recordAudit(tx, { actorId: null, action: "user.staff_created", targetType: "User", targetId: created.id, details: { via: "cli", superuser, verified } });
    return created;
  });
  log.info({ event: "staff.created", userId: user.id, superuser, verified }, "staff user created");
  return { id: user.id, username: user.username, email: registration.email, role: registration.role };
}
