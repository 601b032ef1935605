import { describe, expect, it } from "vitest";
import { apiCall, apiLogin, registeredUser, sessionCookie } from "../support/auth";
import { http, testDb, withPg } from "../support/helpers";

// POST /api/users/change-password/ (issue 10 point 4).

const NEW = "Fresh-Garden-42";

async function device(user: { username: string; password: string }) {
  const login = await apiLogin({ username: user.username, password: user.password });
  expect(login.status).toBe(200);
  return login.json!.token as string;
}

async function post(token: string, body: unknown) {
  return http("/api/users/change-password/", { method: "POST", key: token, body });
}

describe("POST /api/users/change-password/", () => {
  it("200: the new password signs in, the old one not; every other session and token ends, the caller's stays", async () => {
    const user = await registeredUser();
    const caller = await device(user);
    const otherToken = await device(user);
    const cookie = await sessionCookie(user.username, user.password);
    const res = await post(caller, { current_password: user.password, new_password: NEW, confirm_new_password: NEW });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ message: "Password changed successfully." });
    expect((await apiCall("/api/users/profile/", { token: caller })).status).toBe(200);
    expect((await apiCall("/api/users/profile/", { token: otherToken })).status).toBe(401);
    expect((await apiCall("/api/users/profile/", { headers: { cookie } })).status).toBe(401);
    expect((await apiLogin({ username: user.username, password: user.password })).status).toBe(400);
    expect((await apiLogin({ username: user.username, password: NEW })).status).toBe(200);
    const id = (await testDb().user.findFirstOrThrow({ where: { username: user.username } })).id;
    const audit = await withPg((c) => c.query(`SELECT details FROM "AuditLog" WHERE action = 'password.changed' AND "targetId" = $1`, [id]));
    expect(audit.rows).toEqual([{ details: { sessionsEnded: 2 } }]);
  });

  it("a browser session changing it (same-site) stays signed in", async () => {
    const user = await registeredUser();
    const cookie = await sessionCookie(user.username, user.password);
    const res = await http("/api/users/change-password/", {
      method: "POST",
      cookie,
      origin: true,
      body: { current_password: user.password, new_password: NEW, confirm_new_password: NEW },
    });
    expect(res.status).toBe(200);
    expect((await apiCall("/api/users/profile/", { headers: { cookie } })).status).toBe(200);
  });

  it.each([
    ["wrong current", { current_password: "Not-my-password-1", new_password: NEW, confirm_new_password: NEW }, { current_password: ["Current password is incorrect."] }],
    ["mismatch", { new_password: NEW, confirm_new_password: `${NEW}x` }, { new_password: ["New passwords do not match."] }],
    ["too short", { new_password: "Ab1!", confirm_new_password: "Ab1!" }, { new_password: ["This password is too short. It must contain at least 8 characters."] }],
    ["too common", { new_password: "password123", confirm_new_password: "password123" }, { new_password: ["This password is too common."] }],
    ["entirely numeric", { new_password: "48206517394", confirm_new_password: "48206517394" }, { new_password: ["This password is entirely numeric."] }],
  ])("400 in the old API's shape: %s (and nothing changes)", async (_name, body, expected) => {
    const user = await registeredUser();
    const key = await device(user);
    const res = await post(key, { current_password: user.password, ...body });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(expected);
    expect((await apiLogin({ username: user.username, password: user.password })).status).toBe(200);
  });

  it.each([
    ["an empty object", {}],
    ["an array", [1, 2]],
    ["a string", '"hello"'],
    ["numbers", { current_password: 1, new_password: 2, confirm_new_password: 3 }],
    ["null fields", { current_password: null, new_password: null, confirm_new_password: null }],
    ["a huge password", { current_password: "x", new_password: "y".repeat(10_000), confirm_new_password: "y" }],
  ])("bad body, %s: 400, never 500", async (_name, body) => {
    const user = await registeredUser();
    const key = await device(user);
    const res = await post(key, body);
    expect(res.status).toBe(400);
  });

  it("401 without credentials; wrong current passwords hit sign-in's limit (429 with Retry-After)", async () => {
    expect((await http("/api/users/change-password/", { method: "POST", body: {} })).status).toBe(401);
    const user = await registeredUser();
    const key = await device(user);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await post(key, { current_password: `Wrong-${i}-pass`, new_password: NEW, confirm_new_password: NEW });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // LOGIN_MAX_FAILURES (default 5) per account and address.
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });
});
