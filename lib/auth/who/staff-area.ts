import { getDb } from "../../db/client";
import { staffLacksSecondFactor } from "../../two-factor/requirement";
import { decodeSession, sessionCookie } from "../credentials/session-cookie";
import { userForSession } from "../credentials/session-rows";

export function isStaffArea(pathname: string): boolean {
  return pathname === "/admin" || pathname.startsWith("/admin/");
}

/**
 * For proxy.ts: why a signed-in page load of the staff area is refused, or null (staff,
 * or anonymous: the layout redirects those to /login). "viewing": a staff member viewing
 * the site as a member. "no_second_factor": staff without the second factor REQUIRE_2FA asks for.
 */
export async function staffAreaRefusal(cookieValue: string | undefined): Promise<"member" | "viewing" | "no_second_factor" | null> {
  const claims = await decodeSession(cookieValue);
  if (!claims) return null;
  const session = await userForSession(getDb(), claims.sid);
  if (!session) return null;
  if (session.user.isStaff) return (await staffLacksSecondFactor(getDb(), session.user)) ? "no_second_factor" : null;
  return session.user.viewedBy ? "viewing" : "member";
}

export const sessionCookieName = (): string => sessionCookie().name;
