import { describe, expect, it } from "vitest";
import { apiCall, apiLogin, registeredUser, sessionCookie } from "../support/auth";
import { baseUrl, http, testDb, withPg } from "../support/helpers";
import { storm } from "../support/storm";

// Devices (issue 10 point 3): the sessions API, and revoke-others under a storm.

const NOT_FOUND = '{"detail":"Session not found."}';

async function person() {
  const user = await registeredUser();
  const id = (await testDb().user.findFirstOrThrow({ where: { username: user.username } })).id;
  return { ...user, id };
}

async function token(user: { username: string; password: string }, userAgent = "ZportaApp/1.0 (iOS 18)") {
  const res = await fetch(`${baseUrl()}/api/users/login/`, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": userAgent },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

describe("GET /api/users/sessions/", () => {
  it("lists the caller's browser sessions and API tokens, marking the current one, and nothing of anyone else", async () => {
    const user = await person();
    const other = await person();
    await sessionCookie(other.username, other.password);
    const cookie = await sessionCookie(user.username, user.password);
    const key = await token(user);
    const res = await apiCall("/api/users/sessions/", { token: key });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const sessions = res.json!.sessions as Record<string, unknown>[];
    expect(sessions).toHaveLength(2);
    for (const s of sessions) expect(Object.keys(s)).toEqual(["id", "kind", "created_at", "last_seen_at", "ip", "user_agent", "current"]);
    const api = sessions.find((s) => s.kind === "api")!;
    const browser = sessions.find((s) => s.kind === "browser")!;
    expect(api).toMatchObject({ current: true, user_agent: "ZportaApp/1.0 (iOS 18)", id: expect.stringMatching(/^api-\d+$/) });
    expect(browser).toMatchObject({ current: false, id: expect.stringMatching(/^browser-\d+$/) });
    expect(new Date(browser.created_at as string).toISOString()).toBe(browser.created_at);
    // The listed ids are names, not credentials: nothing of the cookie or key is in them.
    expect(res.text).not.toContain(key);
    expect(res.text).not.toContain(cookie.split("=")[1].slice(0, 20));
    // Through the cookie, the browser row is the current one.
    const viaCookie = await apiCall("/api/users/sessions", { headers: { cookie } });
    expect((viaCookie.json!.sessions as Record<string, unknown>[]).find((s) => s.current)?.kind).toBe("browser");
  });

  it("401 without credentials", async () => {
    expect((await apiCall("/api/users/sessions/")).status).toBe(401);
  });
});

describe("DELETE /api/users/sessions/<id>/", () => {
  it("ends that session at once; another user's id, a malformed id and an ended one are 404", async () => {
    const user = await person();
    const stranger = await person();
    const cookie = await sessionCookie(user.username, user.password);
    const key = await token(user);
    const strangerKey = await token(stranger);
    const list = await apiCall("/api/users/sessions/", { token: key });
    const browserId = (list.json!.sessions as { id: string; kind: string }[]).find((s) => s.kind === "browser")!.id;

    const foreign = await apiCall(`/api/users/sessions/${browserId}/`, { method: "DELETE", token: strangerKey });
    expect(foreign.status).toBe(404);
    expect(foreign.text).toBe(NOT_FOUND);
    expect((await apiCall("/api/users/profile/", { headers: { cookie } })).status).toBe(200);

    const ended = await apiCall(`/api/users/sessions/${browserId}/`, { method: "DELETE", token: key });
    expect(ended.status).toBe(200);
    expect(ended.json).toEqual({ detail: "Session ended." });
    expect((await apiCall("/api/users/profile/", { headers: { cookie } })).status).toBe(401);
    expect((await apiCall(`/api/users/sessions/${browserId}/`, { method: "DELETE", token: key })).text).toBe(NOT_FOUND);
    for (const bad of ["abc", "browser-0", "api-99999999999", "browser-1%20OR%201=1", "%00"]) {
      const res = await apiCall(`/api/users/sessions/${bad}/`, { method: "DELETE", token: key });
      expect(res.status, bad).toBe(404);
    }
    const audit = await withPg((c) => c.query(`SELECT details FROM "AuditLog" WHERE action = 'session.revoked' AND "targetId" = $1`, [user.id]));
    expect(audit.rows).toHaveLength(1);
  });
});

describe("POST /api/users/sessions/revoke-others/", () => {
  it("ends every other session and token, keeps the caller's, and says how many", async () => {
    const user = await person();
    const cookies = [await sessionCookie(user.username, user.password), await sessionCookie(user.username, user.password)];
    const keys = [await token(user), await token(user)];
    const res = await http("/api/users/sessions/revoke-others/", { method: "POST", cookie: cookies[0], origin: true });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ detail: "Signed out of 3 other sessions.", revoked: 3 });
    expect((await apiCall("/api/users/profile/", { headers: { cookie: cookies[0] } })).status).toBe(200);
    expect((await apiCall("/api/users/profile/", { headers: { cookie: cookies[1] } })).status).toBe(401);
    for (const key of keys) expect((await apiCall("/api/users/profile/", { token: key })).status).toBe(401);
    const again = await http("/api/users/sessions/revoke-others/", { method: "POST", cookie: cookies[0], origin: true });
    expect(again.json).toEqual({ detail: "Signed out of 0 other sessions.", revoked: 0 });
  });

  it("10 simultaneous calls from 5 processes (one device): each other session ended once, counts add up", async () => {
    const user = await person();
    const caller = await token(user);
    for (let i = 0; i < 4; i++) await sessionCookie(user.username, user.password);
    for (let i = 0; i < 3; i++) await token(user);
    const requests = Array.from({ length: 10 }, () => ({ path: "/api/users/sessions/revoke-others/", body: {}, headers: { authorization: `Token ${caller}` } }));
    const { results } = await storm(baseUrl(), requests, 5);
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const bodies = results.map((r) => JSON.parse(r.body) as { detail: string; revoked: number });
    for (const b of bodies) expect(b.detail).toBe(`Signed out of ${b.revoked} other sessions.`);
    expect(bodies.reduce((sum, b) => sum + b.revoked, 0)).toBe(7);
    const left = await withPg((c) =>
      c.query(`SELECT (SELECT count(*) FROM "Session" WHERE "userId" = $1)::int AS s, (SELECT count(*) FROM "ApiToken" WHERE "userId" = $1)::int AS t`, [user.id]),
    );
    expect(left.rows[0]).toEqual({ s: 0, t: 1 });
  });

  it("10 simultaneous calls from 10 devices of one user: no fault, every row ended once", async () => {
    const user = await person();
    const keys = [];
    for (let i = 0; i < 10; i++) keys.push(await token(user));
    const requests = keys.map((key) => ({ path: "/api/users/sessions/revoke-others/", body: {}, headers: { authorization: `Token ${key}` } }));
    const { results } = await storm(baseUrl(), requests, 5);
    // A call whose own token another call ended first is simply signed out (401).
    expect(results.every((r) => r.status === 200 || r.status === 401)).toBe(true);
    const revoked = results.filter((r) => r.status === 200).map((r) => (JSON.parse(r.body) as { revoked: number }).revoked);
    const left = await withPg((c) => c.query(`SELECT count(*)::int AS n FROM "ApiToken" WHERE "userId" = $1`, [user.id]));
    // Each of the 10 rows was either ended by exactly one call or is still there.
    expect(revoked.reduce((a, b) => a + b, 0) + left.rows[0].n).toBe(10);
    expect(left.rows[0].n).toBeLessThanOrEqual(1);
  });
});

describe("POST /api/users/session/heartbeat/", () => {
  it("answers the old shape and moves last seen on, for a token and for a cookie", async () => {
    const user = await person();
    const key = await token(user);
    const before = Date.now();
    const res = await apiCall("/api/users/session/heartbeat/", { method: "POST", token: key });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json!)).toEqual(["detail", "last_heartbeat_at"]);
    expect(res.json!.detail).toBe("heartbeat");
    expect(new Date(res.json!.last_heartbeat_at as string).getTime()).toBeGreaterThan(before - 5000);
    const cookie = await sessionCookie(user.username, user.password);
    await withPg((c) => c.query(`UPDATE "Session" SET "lastSeenAt" = now() - interval '3 days' WHERE "userId" = $1`, [user.id]));
    const viaCookie = await http("/api/users/session/heartbeat/", { method: "POST", cookie, origin: true });
    expect(viaCookie.status).toBe(200);
    const row = await withPg((c) => c.query(`SELECT "lastSeenAt" > now() - interval '1 minute' AS fresh FROM "Session" WHERE "userId" = $1`, [user.id]));
    expect(row.rows).toEqual([{ fresh: true }]);
    expect((await apiCall("/api/users/session/heartbeat/", { method: "POST" })).status).toBe(401);
  });
});
