import { getDb } from "../db/client";
import { decodeSession, sessionCookie } from "./session-cookie";
import { userForSession } from "./sessions";

export function isStaffArea(pathname: string): boolean {
  return pathname === "/admin" || pathname.startsWith("/admin/");
}

/**
 * For proxy.ts: why a signed-in page load of the staff area is refused, or null (staff,
 * or anonymous: the layout redirects those to /login). "viewing": a staff member viewing
 * the site as a member.
 */
export async function staffAreaRefusal(cookieValue: string | undefined): Promise<"member" | "viewing" | null> {
  const claims = await decodeSession(cookieValue);
  if (!claims) return null;
  const session = await userForSession(getDb(), claims.sid);
  if (!session || session.user.isStaff) return null;
  return session.user.viewedBy ? "viewing" : "member";
}

export const sessionCookieName = (): string => sessionCookie().name;
