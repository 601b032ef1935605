import { getDb } from "../db/client";
import { decodeSession, sessionCookie } from "./session-cookie";
import { userForSession } from "./sessions";

export function isStaffArea(pathname: string): boolean {
  return pathname === "/admin" || pathname.startsWith("/admin/");
}

/**
 * For proxy.ts: true when the request carries a valid session of an active user who
 * is not staff. Anonymous requests return false (the layout redirects them to /login).
 * The staff flag is read from the database, like every other check.
 */
export async function isSignedInNonStaff(cookieValue: string | undefined): Promise<boolean> {
  const claims = await decodeSession(cookieValue);
  if (!claims) return false;
  const session = await userForSession(getDb(), claims.sid);
  return session !== null && !session.user.isStaff;
}

export const sessionCookieName = (): string => sessionCookie().name;
