import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { OPERATOR } from "../../lib/actor";
import { authOptions } from "../../lib/auth/nextauth/options";
import { sessionCookie as cookieSettings } from "../../lib/auth/credentials/session-cookie";
import { createSession, hashSessionSecret, userForSession } from "../../lib/auth/credentials/session-rows";
import { setUserActive } from "../../lib/admin/set-active";
import { apiCall, apiLogin, registeredUser, sessionCookie } from "../support/auth";
import { baseUrl, http, testDb, withPg } from "../support/helpers";
import { staffContext } from "../support/staff-context";

// Server-side sessions (issue 10 point 1): the cookie names a Session row; the row decides.

const INVALID_TOKEN = '{"detail":"Invalid token."}';
const NO_CREDENTIALS = '{"detail":"Authentication credentials were not provided."}';

async function signedIn() {
  const user = await registeredUser();
  const cookie = await sessionCookie(user.username, user.password);
  const id = (await testDb().user.findFirstOrThrow({ where: { username: user.username } })).id;
  return { ...user, id, cookie };
}

async function profile(cookie: string) {
  return apiCall("/api/users/profile/", { headers: { cookie } });
}

/** Where GET /account sends this cookie: null when the page renders (signed in). */
async function accountRedirect(cookie: string): Promise<string | null> {
  const res = await fetch(`${baseUrl()}/account`, { headers: { cookie }, redirect: "manual" });
  return res.status >= 300 && res.status < 400 ? res.headers.get("location") : null;
}

describe("a copied cookie after sign-out", () => {
  it("is dead: 401 on the API, signed out on a page, and /api/auth/session neither answers nor renews it", async () => {
    const user = await signedIn();
    const copy = user.cookie; // what a thief copied before the sign-out
    expect((await profile(copy)).status).toBe(200);
    expect(await accountRedirect(copy)).toBeNull();

    const out = await http("/api/users/logout/", { method: "POST", cookie: user.cookie, origin: true });
    expect(out.status).toBe(200);

    const replay = await profile(copy);
    expect(replay.status).toBe(401);
    expect(replay.text).toBe(NO_CREDENTIALS);
    expect(await accountRedirect(copy)).toMatch(/^\/login\?next=%2Faccount$/);
    const session = await fetch(`${baseUrl()}/api/auth/session`, { headers: { cookie: copy } });
    expect(await session.json()).toEqual({});
    // next-auth clears the cookie instead of issuing a fresh one.
    const setCookies = session.headers.getSetCookie().filter((c) => c.startsWith("next-auth.session-token="));
    expect(setCookies.every((c) => /^next-auth\.session-token=;/.test(c))).toBe(true);
    const rows = await withPg((c) => c.query(`SELECT 1 FROM "Session" WHERE "userId" = $1`, [user.id]));
    expect(rows.rowCount).toBe(0);
  });

  it("next-auth's own POST /api/auth/signout ends the row too: the copied cookie gets 401 and no session", async () => {
    const user = await signedIn();
    const copy = user.cookie;
    expect((await profile(copy)).status).toBe(200);
    // next-auth's client signOut(): a CSRF token (cookie + body), then the form post.
    const csrfRes = await fetch(`${baseUrl()}/api/auth/csrf`, { headers: { cookie: user.cookie } });
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
    const out = await fetch(`${baseUrl()}/api/auth/signout`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: [user.cookie, ...csrfCookie].join("; ") },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/" }),
      redirect: "manual",
    });
    expect(out.status).toBe(302);
    expect(out.headers.getSetCookie().some((c) => /^next-auth\.session-token=;/.test(c))).toBe(true);

    const replay = await profile(copy);
    expect(replay.status).toBe(401);
    expect(replay.text).toBe(NO_CREDENTIALS);
    const session = await fetch(`${baseUrl()}/api/auth/session`, { headers: { cookie: copy } });
    expect(await session.json()).toEqual({});
    const rows = await withPg((c) => c.query(`SELECT 1 FROM "Session" WHERE "userId" = $1`, [user.id]));
    expect(rows.rowCount).toBe(0);
  });

  it("a sign-in gives the browser a device cookie, remembered per account only as its SHA-256 (review N-M1)", async () => {
    const user = await registeredUser();
    const csrfRes = await fetch(`${baseUrl()}/api/auth/csrf`);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
    const signIn = (cookies: string[]) =>
      fetch(`${baseUrl()}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
        body: new URLSearchParams({ csrfToken, username: user.username, password: user.password, callbackUrl: "/account" }),
        redirect: "manual",
      });
    const first = await signIn(csrfCookie);
    const set = first.headers.getSetCookie();
    expect(set.some((c) => c.startsWith("next-auth.session-token="))).toBe(true);
    expect(set.filter((c) => c.startsWith("zporta-device="))).toHaveLength(1);
    const device = set.find((c) => c.startsWith("zporta-device="));
    expect(device).toMatch(/^zporta-device=[A-Za-z0-9_-]{43};/);
    for (const attribute of [/; Path=\/(;|$)/, /; HttpOnly(;|$)/i, /; SameSite=Lax(;|$)/i, /; Max-Age=\d{8}(;|$)/]) expect(device).toMatch(attribute);
    const value = device!.split(";")[0].split("=")[1];
    const id = (await testDb().user.findFirstOrThrow({ where: { username: user.username } })).id;
    const hashed = `d${createHash("sha256").update(value).digest("hex").slice(0, 32)}`;
    const rows = await withPg((c) => c.query(`SELECT "key" FROM "RateLimit" WHERE "key" LIKE $1`, [`%:login_known_device:u${id}|%`]));
    expect(rows.rows.map((r) => r.key.split(":").at(-1))).toEqual([`u${id}|${hashed}`]);
    expect(JSON.stringify(rows.rows)).not.toContain(value);
    // A browser that has one keeps it.
    const again = await signIn([...csrfCookie, `zporta-device=${value}`]);
    expect(again.headers.getSetCookie().some((c) => c.startsWith("zporta-device="))).toBe(false);
  });

  it("/api/auth/signout without next-auth's CSRF token ends nothing", async () => {
    const user = await signedIn();
    const out = await fetch(`${baseUrl()}/api/auth/signout`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: user.cookie },
      body: new URLSearchParams({ csrfToken: "forged", callbackUrl: "/" }),
      redirect: "manual",
    });
    await out.arrayBuffer();
    expect((await profile(user.cookie)).status).toBe(200);
  });

  it("/api/auth/session of a live session answers it and checks the row each time", async () => {
    const user = await signedIn();
    const live = await fetch(`${baseUrl()}/api/auth/session`, { headers: { cookie: user.cookie } });
    expect(await live.json()).toMatchObject({ user: { username: user.username } });
    await withPg((c) => c.query(`DELETE FROM "Session" WHERE "userId" = $1`, [user.id]));
    const ended = await fetch(`${baseUrl()}/api/auth/session`, { headers: { cookie: user.cookie } });
    expect(await ended.json()).toEqual({});
  });
});

describe("the Session row", () => {
  it("next-auth's Credentials sign-in creates one, holding only the secret's SHA-256, the address and the user agent", async () => {
    const user = await signedIn();
    const rows = await withPg((c) => c.query(`SELECT * FROM "Session" WHERE "userId" = $1`, [user.id]));
    expect(rows.rows).toHaveLength(1);
    const row = rows.rows[0];
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.ip).toBeTruthy();
    expect(row.userAgent).toBeTruthy(); // Node's fetch sends "node"
    const lifetime = new Date(row.expiresAt).getTime() - new Date(row.createdAt).getTime();
    expect(Math.round(lifetime / 86_400_000)).toBe(30);
    expect(JSON.stringify(rows.rows)).not.toContain(user.cookie.split("=")[1]);
  });

  it.each([
    ["past its absolute lifetime", `"createdAt" = now() - interval '31 days', "expiresAt" = now() - interval '1 second'`],
    ["idle for longer than 14 days", `"lastSeenAt" = now() - interval '14 days 1 minute'`],
  ])("a session %s is signed out", async (_name, set) => {
    const user = await signedIn();
    expect((await profile(user.cookie)).status).toBe(200);
    await withPg((c) => c.query(`UPDATE "Session" SET ${set} WHERE "userId" = $1`, [user.id]));
    expect((await profile(user.cookie)).status).toBe(401);
    expect(await accountRedirect(user.cookie)).toMatch(/^\/login/);
  });

  it("lastSeenAt moves on at most once a minute", async () => {
    const db = testDb();
    const user = await signedIn();
    const { secret, id } = await createSession(db, user.id, { ip: "10.1.2.3", userAgent: "Test agent" });
    const seen = async () => (await db.session.findUniqueOrThrow({ where: { id } })).lastSeenAt.getTime();
    const first = await seen();
    expect((await userForSession(db, secret))?.sessionId).toBe(id);
    expect(await seen()).toBe(first); // fresh: no write
    await withPg((c) => c.query(`UPDATE "Session" SET "lastSeenAt" = now() - interval '2 minutes' WHERE id = $1`, [id]));
    const old = await seen();
    expect((await userForSession(db, secret))?.user.id).toBe(user.id);
    expect(await seen()).toBeGreaterThan(old);
    expect(await userForSession(db, "x".repeat(43))).toBeNull();
    expect(hashSessionSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("expired rows are swept when someone signs in", async () => {
    const user = await signedIn();
    await withPg((c) =>
      c.query(`UPDATE "Session" SET "createdAt" = now() - interval '40 days', "expiresAt" = now() - interval '10 days' WHERE "userId" = $1`, [user.id]),
    );
    await sessionCookie(user.username, user.password);
    const rows = await withPg((c) => c.query(`SELECT "expiresAt" > now() AS live FROM "Session" WHERE "userId" = $1`, [user.id]));
    expect(rows.rows).toEqual([{ live: true }]);
  });

  it("deactivation ends every session and token, and re-activation revives none", async () => {
    const user = await signedIn();
    const token = (await apiLogin({ username: user.username, password: user.password })).json!.token as string;
    await setUserActive({ userId: user.id, active: false, reason: "Test" }, staffContext(OPERATOR, testDb()));
    await setUserActive({ userId: user.id, active: true, reason: "Test" }, staffContext(OPERATOR, testDb()));
    expect((await profile(user.cookie)).status).toBe(401);
    expect((await apiCall("/api/users/profile/", { token })).text).toBe(INVALID_TOKEN);
  });

  it("a cookie from before server-side sessions (no session id) is no session", async () => {
    const { encode } = await import("next-auth/jwt");
    const { authSecret } = await import("../../lib/auth/nextauth/secret");
    const { decodeSession } = await import("../../lib/auth/credentials/session-cookie");
    const old = await encode({ token: { sub: "1", uid: 1, username: "ann" }, secret: authSecret() });
    expect(await decodeSession(old)).toBeNull();
  });
});

describe("the cookie's name (review I3)", () => {
  it("is __Host- prefixed, Secure, Path=/ and without Domain when NEXTAUTH_URL is https", () => {
    const saved = process.env.NEXTAUTH_URL;
    try {
      process.env.NEXTAUTH_URL = "https://academy.example";
      expect(cookieSettings()).toEqual({ name: "__Host-next-auth.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } });
      expect(authOptions().cookies?.sessionToken?.name).toBe("__Host-next-auth.session-token");
      process.env.NEXTAUTH_URL = "http://localhost:3000";
      expect(cookieSettings().name).toBe("next-auth.session-token");
    } finally {
      if (saved === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = saved;
    }
  });
});

describe("per-device API tokens (point 2)", () => {
  it("two devices stay signed in until one signs out; logout ends only the token that asked", async () => {
    const user = await registeredUser();
    const phone = await apiLogin({ username: user.username, password: user.password });
    const tablet = await apiLogin({ username: user.email, password: user.password });
    const [a, b] = [phone.json!.token as string, tablet.json!.token as string];
    expect(a).not.toBe(b);
    expect((await apiCall("/api/users/profile/", { token: a })).status).toBe(200);
    expect((await apiCall("/api/users/profile/", { token: b })).status).toBe(200);
    expect((await apiCall("/api/users/logout/", { method: "POST", token: a })).json).toEqual({ detail: "Successfully logged out." });
    expect((await apiCall("/api/users/profile/", { token: a })).text).toBe(INVALID_TOKEN);
    expect((await apiCall("/api/users/profile/", { token: b })).status).toBe(200);
  });

  it("a cookie sign-out leaves the API tokens alone, and a token sign-out leaves the browser alone", async () => {
    const user = await signedIn();
    const token = (await apiLogin({ username: user.username, password: user.password })).json!.token as string;
    expect((await apiCall("/api/users/logout/", { method: "POST", token })).status).toBe(200);
    expect((await profile(user.cookie)).status).toBe(200);
    const token2 = (await apiLogin({ username: user.username, password: user.password })).json!.token as string;
    expect((await http("/api/users/logout/", { method: "POST", cookie: user.cookie, origin: true })).status).toBe(200);
    expect((await apiCall("/api/users/profile/", { token: token2 })).status).toBe(200);
  });

  it("records the device's user agent and when the token was last used", async () => {
    const user = await registeredUser();
    const res = await fetch(`${baseUrl()}/api/users/login/`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "ZportaApp/2.1 (Android 14)" },
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
    const { token, id } = (await res.json()) as { token: string; id: number };
    await apiCall("/api/users/profile/", { token });
    const rows = await withPg((c) => c.query(`SELECT "userAgent", "lastUsedAt" FROM "ApiToken" WHERE "userId" = $1`, [id]));
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0].userAgent).toBe("ZportaApp/2.1 (Android 14)");
    expect(rows.rows[0].lastUsedAt).toBeInstanceOf(Date);
  });
});
