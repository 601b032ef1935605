import { requireStaffFlag, type Actor } from "../actor";
import type { Db } from "../db/client";

/** The most recently joined users, for the staff area. */
export async function listRecentUsers(actor: Actor, db: Db, limit = 50) {
  requireStaffFlag(actor);
  return db.user.findMany({
    orderBy: [{ dateJoined: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(1, limit), 200),
    select: {
      id: true,
      username: true,
      email: true,
      isStaff: true,
      isActive: true,
      dateJoined: true,
      lastLogin: true,
      profile: { select: { role: true, activeGuide: true, canInviteTeachers: true } },
    },
  });
}
