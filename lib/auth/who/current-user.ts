import { headers, cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../../db/client";
import { secondFactorRequired, staffLacksSecondFactor } from "../../two-factor/requirement";
import { PATHNAME_HEADER } from "../../http/pathname-header";
import { assertActingUser, assertStaff, notAuthenticated, viewOnly } from "./guards";
import { loginUrl } from "./next-path";
import { decodeSession, sessionCookie } from "../credentials/session-cookie";
import { userForSession, type SessionUser } from "../credentials/session-rows";
import type { AuthUser } from "./types";

// Who is asking, for server components and server actions. Read once per request
// (React cache) and always from the database, not just the cookie: one query reads the
// Session row the cookie names together with its user.

/** The signed-in user and their Session row's id, or null. */
export const getCurrentSession = cache(async (): Promise<SessionUser | null> => {
  const value = (await cookies()).get(sessionCookie().name)?.value;
  if (!value) return null;
  const claims = await decodeSession(value);
  if (!claims) return null;
  return userForSession(getDb(), claims.sid);
});

export const getCurrentUser = cache(async (): Promise<AuthUser | null> => (await getCurrentSession())?.user ?? null);

async function requestedPath(): Promise<string | undefined> {
  return (await headers()).get(PATHNAME_HEADER) ?? undefined;
}

/** Pages and layouts: the user, or a redirect to /login?next=<this page>. */
export async function requireUser(next?: string): Promise<AuthUser> {
  const user = await getCurrentUser();
  if (!user) redirect(loginUrl(next ?? (await requestedPath())));
  return user;
}

/** Pages and layouts: a staff user; anonymous visitors go to /login, others get the 403 page. */
export async function requireStaff(next?: string): Promise<AuthUser> {
  const user = await requireUser(next);
  if (!user.isStaff) forbidden();
  // REQUIRE_2FA: staff without a second factor are refused until enrolled (proxy.ts gives the page its sentence).
  if (await staffLacksSecondFactor(getDb(), user)) forbidden();
  return user;
}

/**
 * Server actions: the user, or a 401 DomainError for the action to show. While staff view
 * the site as this user, a 403: every member action is a change, and "view as" changes nothing.
 */
export async function requireUserAction(): Promise<AuthUser> {
  return assertActingUser(await getCurrentUser());
}

/** Server actions on the session itself (devices, password, deactivate, delete): as requireUserAction, with the session's id. */
export async function requireOwnSessionAction(): Promise<SessionUser> {
  const session = await getCurrentSession();
  if (!session) throw notAuthenticated();
  if (session.user.viewedBy) throw viewOnly();
  return session;
}

/** Server actions: a staff user, or a 401/403 DomainError. Every staff action calls this first. */
export async function requireStaffAction(): Promise<AuthUser> {
  const user = assertStaff(await getCurrentUser());
  if (await staffLacksSecondFactor(getDb(), user)) throw secondFactorRequired();
  return user;
}
