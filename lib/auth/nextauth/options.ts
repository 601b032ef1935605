import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { DomainError, isDomainError } from "../../errors";
import { UNAVAILABLE_MESSAGE } from "../../http/route";
import { logger } from "../../log/logger";
import { isHashBusy } from "../../security/hash-admission";
import { MFA_REQUIRED } from "../../two-factor/messages";
import { secondFactorMethods } from "../../two-factor/status";
import type { Role } from "../../users/register-schema";
import { authenticateCredentials } from "../sign-in/authenticate";
import { deviceCookieName, deviceIdFromCookieHeader, validDeviceId } from "../credentials/device-cookie";
import { safeNextPath } from "../who/next-path";
import { authSecret } from "./secret";
import { nextAuthContext } from "../../use-case/nextauth-context";
import { claimsFor, sessionCookie, sessionMaxAgeSeconds, type SessionClaims } from "../credentials/session-cookie";
import { createSession, deleteSessionBySecret, userForSession } from "../credentials/session-rows";
import type { AuthUser } from "../who/types";

// next-auth 4: Credentials provider, JWT sessions. Built on demand (not at import) so
// `next build` never needs the secret. The /login page signs in through the same
// authenticateCredentials() and writes the same cookie, so both paths are one system:
// a sign-in here creates a Session row too, and every later read of the cookie through
// next-auth (GET /api/auth/session, which re-issues the cookie) checks that row, so an
// ended session is not renewed but cleared.

/** Thrown by the jwt callback for an ended session: next-auth then clears the cookie. */
class SessionEnded extends Error {
  constructor() {
    super("The session has ended.");
    this.name = "SessionEnded";
  }
}

export function authOptions(): AuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
    jwt: { maxAge: sessionMaxAgeSeconds() },
    cookies: { sessionToken: sessionCookie() },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Username or email",
        credentials: {
          username: { label: "Username or email", type: "text" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const ctx = nextAuthContext(req.headers);
          const { db, ip, log } = ctx;
          try {
            // The device cookie: the browser's own, or the one the route gave it for this
            // sign-in (set on the request's cookie jar, which next-auth's req.headers miss).
            const device = validDeviceId((await cookies()).get(deviceCookieName())?.value) ?? deviceIdFromCookieHeader(headerValue(req.headers, "cookie"));
            const user = await authenticateCredentials(credentials, { db, ip, device, via: "nextauth" });
            // next-auth's endpoint has no second step: enrolled accounts sign in on /login.
            if ((await secondFactorMethods(db, user.id)).length) throw new DomainError("mfa_required", MFA_REQUIRED, 401);
            const { secret } = await createSession(db, user.id, { ip, userAgent: ctx.userAgent ?? null }, { credentialStamp: user.credentialStamp });
            const { credentialStamp: _stamp, reactivated: _reactivated, ...shown } = user;
            return { ...shown, id: String(user.id), name: user.username, sid: secret };
          } catch (err) {
            // next-auth passes an Error's message on in the address (?error=…): only our
            // designed sentences go there, never a fault's details.
            if (isDomainError(err)) throw new Error(err.message);
            if (isHashBusy(err)) {
              log.warn({ event: "hash.busy", during: "login" }, "password hashing at capacity; refused");
              throw new Error(UNAVAILABLE_MESSAGE);
            }
            log.error({ event: "login.error", via: "nextauth", err }, "unexpected fault");
            throw new Error("An unexpected error occurred while signing in.");
          }
        },
      }),
    ],
    events: {
      // next-auth's own POST /api/auth/signout (its client's signOut()) only clears the
      // cookie; a copy of it would live on with the row (review M2, N-L7). The row goes
      // here, after next-auth checked its CSRF token. next-auth swallows an error thrown
      // here (and still clears the cookie), so the failure is logged loudly.
      async signOut({ token }) {
        const sid = typeof token?.sid === "string" ? token.sid : null;
        const { db, log } = nextAuthContext();
        try {
          const ended = await deleteSessionBySecret(db, sid);
          if (ended !== null) log.info({ event: "logout.succeeded", userId: token?.uid, sessionId: ended, via: "nextauth" }, "signed out");
        } catch (err) {
          log.error({ event: "logout.error", via: "nextauth", err }, "sign-out could not end the session row");
          throw err;
        }
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as AuthUser & { id: string | number; sid: string };
          return { ...token, ...claimsFor({ ...u, id: Number(u.id) }), sid: u.sid };
        }
        // Any other read of the cookie (GET /api/auth/session): the row decides, and the
        // header's labels are refreshed from the database.
        const live = await userForSession(nextAuthContext().db, typeof token.sid === "string" ? token.sid : null);
        if (!live) throw new SessionEnded();
        return { ...token, ...claimsFor(live.user) };
      },
      session({ session, token }) {
        const claims = token as unknown as SessionClaims;
        return {
          ...session,
          user: { ...session.user, id: claims.uid, username: claims.username, isStaff: claims.isStaff, role: claims.role as Role },
        };
      },
      // Only paths on this site. Relative, because without NEXTAUTH_URL next-auth's idea of
      // the site's address is a guess (http://localhost:3000).
      redirect({ url, baseUrl }) {
        if (url.startsWith("/")) return safeNextPath(url, "/");
        if (URL.canParse(url) && new URL(url).origin === new URL(baseUrl).origin) {
          const { pathname, search, hash } = new URL(url);
          return safeNextPath(`${pathname}${search}${hash}`, "/");
        }
        return "/";
      },
    },
    logger: {
      error(code, metadata) {
        const err = metadata instanceof Error ? metadata : metadata?.error;
        if ((err as Error | undefined)?.name === "SessionEnded") return; // an ended session asked: nothing went wrong
        logger.error({ event: "nextauth.error", code, err: metadata instanceof Error ? metadata : metadata?.error }, "next-auth error");
      },
      warn(code) {
        // Local use needs no NEXTAUTH_URL: our redirects are relative paths.
        if (code !== "NEXTAUTH_URL") logger.warn({ event: "nextauth.warning", code }, "next-auth warning");
      },
      debug() {},
    },
  };
}

function headerValue(headers: unknown, name: string): string | null {
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}
