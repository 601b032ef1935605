import type { Db } from "../db/client";
import type { AuthUser } from "./types";

/**
 * The user behind a session or token, read fresh: a deactivated user, a revoked staff
 * flag or a changed role takes effect on the next request, whatever the cookie says.
 */
export async function loadActiveUser(db: Db, id: number): Promise<AuthUser | null> {
  const user = await db.user.findFirst({
    where: { id, isActive: true },
    select: { id: true, username: true, email: true, isStaff: true, profile: { select: { role: true } } },
  });
  if (!user) return null;
  return { id: user.id, username: user.username, email: user.email, isStaff: user.isStaff, role: user.profile?.role ?? "explorer" };
}
