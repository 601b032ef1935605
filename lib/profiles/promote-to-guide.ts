import type { Tx } from "../db/transaction";
import type { Role } from "../users/register-schema";

export interface GuideProfile {
  role: Role;
  activeGuide: boolean;
  canInviteTeachers: boolean;
}

/**
 * The profile change of an approved application or an accepted invitation, as the
 * old platform did it: explorer becomes both, any other role becomes guide; teaching
 * is switched on and the right to invite is reset. One statement, in the caller's
 * transaction.
 */
export async function promoteToGuide(tx: Tx, userId: number): Promise<GuideProfile> {
  const rows = await tx.$queryRaw<GuideProfile[]>`
    UPDATE "Profile"
    SET "role" = CASE WHEN "role" = 'explorer' THEN 'both'::"Role" ELSE 'guide'::"Role" END,
        "activeGuide" = true,
        "canInviteTeachers" = false,
        "updatedAt" = now()
    WHERE "userId" = ${userId}
    RETURNING "role"::text AS "role", "activeGuide", "canInviteTeachers"`;
  // The deferred trigger guarantees every user has a profile; a missing one is a fault.
  if (rows.length !== 1) throw new Error(`No profile for user ${userId}`);
  return rows[0];
}
