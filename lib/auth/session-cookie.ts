import { decode, encode, type JWT } from "next-auth/jwt";
import type { Role } from "../users/register-schema";
import { authSecret } from "./secret";
import type { AuthUser } from "./types";

// The browser session is next-auth's own: an encrypted JWT (JWE, A256GCM, key derived
// from the secret) in next-auth's session cookie. Pages, actions and routes read it
// through these helpers; the login and sign-up actions write it with the same encode()
// next-auth uses, so /api/auth/session and the Credentials provider see the same thing.

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** Like next-auth: Secure (and __Secure- prefixed) cookies when NEXTAUTH_URL is https. */
export function secureCookies(): boolean {
  return process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
}

export function sessionCookie() {
  const secure = secureCookies();
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

/** What the session token carries: enough for the header; checks re-read the database. */
export interface SessionClaims {
  uid: number;
  username: string;
  isStaff: boolean;
  role: Role;
}

export function claimsFor(user: AuthUser): SessionClaims & { sub: string; name: string; email: string | null } {
  return { sub: String(user.id), uid: user.id, username: user.username, isStaff: user.isStaff, role: user.role, name: user.username, email: user.email };
}

export function encodeSession(user: AuthUser): Promise<string> {
  return encode({ token: { ...claimsFor(user) }, secret: authSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
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
  return token as unknown as SessionClaims;
}
