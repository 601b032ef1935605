/**
 * A browser session cookie ("name=value"), obtained the way next-auth's client does it:
 * CSRF token, then POST /api/auth/callback/credentials. Free of Vitest, so the bench uses
 * it too (tests/support/auth.ts's sessionCookie adds the suite's default base URL).
 */
export async function browserSessionCookie(base: string, identifier: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie.join("; ") },
    body: new URLSearchParams({ csrfToken, username: identifier, password, callbackUrl: "/account" }),
    redirect: "manual",
  });
  const session = res.headers.getSetCookie().find((c) => /^(__Host-)?next-auth\.session-token=/.test(c));
  if (!session) throw new Error(`no session cookie: ${res.status} ${res.headers.get("location")}`);
  return session.split(";")[0];
}
