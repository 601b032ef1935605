import { decode, encode, type JWT } from "next-auth/jwt";
import type { Role } from "../../users/register-schema";
import { authSecret } from "../nextauth/secret";
import { sessionMaxAgeDays } from "./session-rows";
import type { AuthUser } from "../who/types";

// The browser session's cookie is next-auth's own: an encrypted JWT (JWE, A256GCM, key
// derived from the secret) in next-auth's session cookie. It names a server-side Session
// row (`sid`, see sessions.ts); the other claims only label the header. Pages, actions and
// routes read it through these helpers; the login and sign-up actions write it with the
// same encode() next-auth uses, so /api/auth/session and the Credentials provider see
// the same thing.

/** The cookie's and the JWE's lifetime; the Session row's own expiry is what counts. */
export const sessionMaxAgeSeconds = (): number => sessionMaxAgeDays() * 24 * 60 * 60;

/** Like next-auth: Secure cookies when NEXTAUTH_URL is https. */
export function secureCookies(): boolean {
  return process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
}

/**
 * Production without an https NEXTAUTH_URL sends session cookies without Secure (and
 * without the __Host- prefix): any plain-http request, or a network attacker who
 * provokes one, carries them in clear (review M7's note). Not refused (a TLS-terminating
 * setup in testing may run so on purpose), but said loudly at every start.
 */
export function insecureCookieWarning(env: Record<string, string | undefined> = process.env): string | null {
  const url = env.NEXTAUTH_URL?.trim();
  if (url?.startsWith("https://")) return null;
  return `NEXTAUTH_URL is ${url ? `"${url}", not https://` : "not set"}: session cookies go out WITHOUT the Secure flag and the __Host- prefix; set NEXTAUTH_URL to the site's https:// address.`;
}

/**
 * `__Host-` when secure (review I3): the browser then accepts the cookie only from this
 * host, Secure, with Path=/ and no Domain, so a sibling subdomain cannot plant
 * ("toss") a session cookie that would be read before ours.
 */
export function sessionCookie() {
  const secure = secureCookies();
  return {
    name: `${secure ? "__Host-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

/** What the session token carries: enough for the header; checks re-read the database. */
export interface SessionClaims {
  /** The Session row's secret (sessions.ts); the row, not the cookie, decides. */
  sid: string;
  uid: number;
  username: string;
  isStaff: boolean;
  role: Role;
}

export function claimsFor(user: AuthUser): Omit<SessionClaims, "sid"> & { sub: string; name: string; email: string | null } {
  return { sub: String(user.id), uid: user.id, username: user.username, isStaff: user.isStaff, role: user.role, name: user.username, email: user.email };
}

export function encodeSession(user: AuthUser, sid: string): Promise<string> {
  return encode({ token: { ...claimsFor(user), sid }, secret: authSecret(), maxAge: sessionMaxAgeSeconds() });
}

/** The claims of a session cookie's value, or null when absent, forged or expired. */
export async function decodeSession(value: string | undefined | null): Promise<SessionClaims | null> {
  if (!value) return null;
  let token: JWT | null;
  try {
    token = await decode({ token: value, secret: authSecret() });
  } catch {
    return null;
  }
  const uid = token?.uid;
  if (typeof uid !== "number" || !Number.isSafeInteger(uid) || uid < 1) return null;
  // A cookie from before server-side sessions names no row: it is no session.
  if (typeof token?.sid !== "string") return null;
  return token as unknown as SessionClaims;
}
