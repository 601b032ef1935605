import { cookies, headers } from "next/headers";
import { getDb } from "../../db/client";
import { clientIp } from "../../http/client-ip";
import { deviceCookieName, deviceCookieOptions, newDeviceId, validDeviceId } from "./device-cookie";
import { createSession, deleteSessionBySecret } from "./session-rows";
import { decodeSession, encodeSession, sessionCookie, sessionMaxAgeSeconds } from "./session-cookie";
import type { AuthUser } from "../who/types";

// Writing the browser session, for server actions (cookies can only be set there and in
// route handlers). The cookie is next-auth's: same name, options and JWT encoding; it
// names a Session row created here with this request's address and user agent.

/** `credentialStamp`: which password hash a sign-in verified (see createSession). */
export async function startSession(user: AuthUser & { credentialStamp?: string }): Promise<void> {
  const hdrs = await headers();
  const { secret } = await createSession(getDb(), user.id, { ip: clientIp(hdrs), userAgent: hdrs.get("user-agent") }, { credentialStamp: user.credentialStamp });
  const { name, options } = sessionCookie();
  (await cookies()).set(name, await encodeSession(user, secret), { ...options, maxAge: sessionMaxAgeSeconds() });
}

/** Deletes this browser's Session row (a copied cookie dies with it) and the cookie. */
export async function endSession(): Promise<void> {
  const { name, options } = sessionCookie();
  const jar = await cookies();
  const claims = await decodeSession(jar.get(name)?.value);
  if (claims) await deleteSessionBySecret(getDb(), claims.sid);
  jar.set(name, "", { ...options, maxAge: 0 });
}

/**
 * This browser's device cookie for a sign-in (lib/auth/credentials/device-cookie.ts): the one it has,
 * or a new one. `keep()` (after a successful sign-in) stores a new one in the browser.
 */
export async function deviceForSignIn(): Promise<{ id: string; keep(): Promise<void> }> {
  const jar = await cookies();
  const existing = validDeviceId(jar.get(deviceCookieName())?.value);
  const id = existing ?? newDeviceId();
  return {
    id,
    async keep() {
      if (!existing) (await cookies()).set(deviceCookieName(), id, deviceCookieOptions());
    },
  };
}
