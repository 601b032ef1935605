import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { OPERATOR } from "../../lib/actor";
import { setUserActive } from "../../lib/admin/set-active";
import { apiCall, apiLogin, apiSignedIn, sessionCookie } from "../support/auth";
import { http, testDb, uniq, withPg } from "../support/helpers";
import { staffContext } from "../support/staff-context";

// POST /api/users/deactivate/ (issue 10 point 6).

const MESSAGE = "Account has been deactivated. You can reactivate it by logging in.";
const INVALID = '{"error":"Invalid credentials"}';

describe("POST /api/users/deactivate/", () => {
  it("with a browser's session cookie it asks for the password too; a token still needs none (review N-L3)", async () => {
    const user = await apiSignedIn();
    const cookie = await sessionCookie(user.username, user.password);
    for (const [body, detail] of [
      [undefined, "Enter your password to deactivate your account."],
      [{ reason: "x" }, "Enter your password to deactivate your account."],
      [{ password: "Not-the-password-1" }, "Password is incorrect."],
    ] as const) {
      const res = await http("/api/users/deactivate/", { method: "POST", cookie, origin: true, body });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ detail });
    }
    expect((await testDb().user.findFirstOrThrow({ where: { username: user.username } })).isActive).toBe(true);
    const res = await http("/api/users/deactivate/", { method: "POST", cookie, origin: true, body: { password: user.password, reason: "holiday" } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ message: MESSAGE });
    expect((await testDb().user.findFirstOrThrow({ where: { username: user.username } })).isActive).toBe(false);
  });

  it("ends every session and token; signing in with the password reactivates; the reason reaches the audit log, not the logs", async () => {
    const user = await apiSignedIn();
    const cookie = await sessionCookie(user.username, user.password);
    const other = (await apiLogin({ username: user.username, password: user.password })).json!.token as string;
    const reason = uniq("moving-to-another-school");
    const res = await http("/api/users/deactivate/", { method: "POST", key: user.token, body: { reason } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ message: MESSAGE });
    expect((await apiCall("/api/users/profile/", { token: user.token })).status).toBe(401);
    expect((await apiCall("/api/users/profile/", { token: other })).status).toBe(401);
    expect((await apiCall("/api/users/profile/", { headers: { cookie } })).status).toBe(401);

    const audit = await withPg((c) => c.query(`SELECT notes FROM "AuditLog" WHERE action = 'account.deactivated' AND "targetId" = $1`, [user.id]));
    expect(audit.rows).toEqual([{ notes: reason }]);
    expect(readFileSync(inject("serverLog"), "utf8")).not.toContain(reason);

    const again = await apiLogin({ username: user.username, password: user.password });
    expect(again.status).toBe(200);
    // The JSON API's answer keeps the old shape: reactivation is only said on the /login page.
    expect(Object.keys(again.json!).sort()).toEqual(["active_guide", "email", "id", "locale", "preferences", "profile_image_url", "role", "token", "user_id", "username"]);
    expect((await apiCall("/api/users/profile/", { token: again.json!.token as string })).status).toBe(200);
    const back = await withPg((c) => c.query(`SELECT action FROM "AuditLog" WHERE action = 'account.reactivated' AND "targetId" = $1`, [user.id]));
    expect(back.rowCount).toBe(1);
  });

  it("a wrong password does not reactivate, and an account deactivated by staff stays closed", async () => {
    const self = await apiSignedIn();
    expect((await http("/api/users/deactivate/", { method: "POST", key: self.token })).status).toBe(200);
    expect((await apiLogin({ username: self.username, password: "Wrong-password-9" })).text).toBe(INVALID);
    const row = await testDb().user.findUniqueOrThrow({ where: { id: self.id } });
    expect(row.isActive).toBe(false);

    const closed = await apiSignedIn();
    await setUserActive({ userId: closed.id, active: false, reason: "Test" }, staffContext(OPERATOR, testDb()));
    expect((await apiLogin({ username: closed.username, password: closed.password })).text).toBe(INVALID);

    // Self-deactivated, then staff deactivates too: staff's decision holds.
    const both = await apiSignedIn();
    expect((await http("/api/users/deactivate/", { method: "POST", key: both.token, body: {} })).status).toBe(200);
    await setUserActive({ userId: both.id, active: false, reason: "Test" }, staffContext(OPERATOR, testDb()));
    expect((await apiLogin({ username: both.username, password: both.password })).text).toBe(INVALID);
  });

  it.each([
    ["an array", [1]],
    ["a number reason", { reason: 5 }],
    ["a too long reason", { reason: "x".repeat(1001) }],
  ])("bad body, %s: 400, and nothing changes", async (_name, body) => {
    const user = await apiSignedIn();
    const res = await http("/api/users/deactivate/", { method: "POST", key: user.token, body });
    expect(res.status).toBe(400);
    expect((await apiCall("/api/users/profile/", { token: user.token })).status).toBe(200);
  });

  it("401 without credentials", async () => {
    expect((await http("/api/users/deactivate/", { method: "POST" })).status).toBe(401);
  });
});
