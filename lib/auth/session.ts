import { cookies } from "next/headers";
import { encodeSession, SESSION_MAX_AGE_SECONDS, sessionCookie } from "./session-cookie";
import type { AuthUser } from "./types";

// Writing the browser session, for server actions (cookies can only be set there and in
// route handlers). The cookie is next-auth's: same name, options and JWT encoding.

export async function startSession(user: AuthUser): Promise<void> {
  const { name, options } = sessionCookie();
  (await cookies()).set(name, await encodeSession(user), { ...options, maxAge: SESSION_MAX_AGE_SECONDS });
}

export async function endSession(): Promise<void> {
  const { name, options } = sessionCookie();
  (await cookies()).set(name, "", { ...options, maxAge: 0 });
}
