import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { logger, type Logger } from "../log/logger";
import { createUserWithProfile, prepareRegistration, type RegisteredUser } from "./register";

/**
 * The operator creates a staff account (a superuser, who may grant and remove staff, with `superuser`): the sign-up rules (username, email, password
 * policy, case-insensitive uniqueness) and the same write, with the staff flag and the
 * audit row in the same transaction as the user and the profile.
 */
export async function createStaffUser(input: unknown, db: Db, log: Logger = logger, opts: { superuser?: boolean; verified?: boolean } = {}): Promise<RegisteredUser> {
  const superuser = opts.superuser === true;
  // The operator vouches for the address (as markEmailVerified lets only the operator do
  // for staff): without it a new staff member must prove it by link before inviting.
  const verified = opts.verified === true;
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
