import { describe, expect, inject, it } from "vitest";
import { apiCall, apiLogin, apiSignedIn, sessionCookie } from "../support/auth";
import { http, postRegister, testDb, withPg } from "../support/helpers";
import { deleteOwnAccount, DELETE_USERNAME_MISMATCH } from "@/lib/users/delete-account";
import { testContext } from "../support/context";
import { createSession } from "@/lib/auth/credentials/session-rows";

// DELETE /api/users/profile/ (issue 10 point 7).

describe("DELETE /api/users/profile/", () => {
  it("deletes the account and everything of it; audit rows keep the action without personal data; the names are free again", async () => {
    const user = await apiSignedIn();
    const cookie = await sessionCookie(user.username, user.password);
    const second = (await apiLogin({ username: user.username, password: user.password })).json!.token as string;
    // An audit row about them carrying personal data (details), made by a real use case.
    const changed = await http("/api/users/change-password/", {
      method: "POST",
      key: user.token,
      body: { current_password: user.password, new_password: "Fresh-Garden-42", confirm_new_password: "Fresh-Garden-42" },
    });
    expect(changed.status).toBe(200);

    const res = await http("/api/users/profile/", { method: "DELETE", key: user.token });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ message: `Account ${user.username} has been permanently deleted.` });

    expect((await apiCall("/api/users/profile/", { token: user.token })).status).toBe(401);
    expect((await apiCall("/api/users/profile/", { token: second })).status).toBe(401);
    expect((await apiCall("/api/users/profile/", { headers: { cookie } })).status).toBe(401);
    const left = await withPg((c) =>
      c.query(
        `SELECT (SELECT count(*) FROM "User" WHERE id = $1)::int AS users, (SELECT count(*) FROM "Profile" WHERE "userId" = $1)::int AS profiles,
                (SELECT count(*) FROM "Session" WHERE "userId" = $1)::int AS sessions, (SELECT count(*) FROM "ApiToken" WHERE "userId" = $1)::int AS tokens`,
        [user.id],
      ),
    );
    expect(left.rows[0]).toEqual({ users: 0, profiles: 0, sessions: 0, tokens: 0 });
    const audit = await withPg((c) =>
      c.query(`SELECT action, "actorId", notes, details FROM "AuditLog" WHERE "targetType" = 'User' AND "targetId" = $1 ORDER BY id`, [user.id]),
    );
    expect(audit.rows).toEqual([
      { action: "password.changed", actorId: null, notes: null, details: null },
      { action: "account.deleted", actorId: null, notes: null, details: { by: "self" } },
    ]);
    expect(JSON.stringify(audit.rows)).not.toContain(user.username);

    const again = await postRegister({ username: user.username, email: user.email, password: user.password });
    expect(again.status).toBe(201);
  });

  it("the audit log stays append-only outside an erasure, and even inside one only notes and details may be cleared", async () => {
    const user = await apiSignedIn();
    await http("/api/users/deactivate/", { method: "POST", key: user.token, body: { reason: "private reason" } });
    const refused = async (sql: string) =>
      withPg(async (c) => {
        await c.query("BEGIN");
        try {
          await c.query(sql);
          return false;
        } catch {
          return true;
        } finally {
          await c.query("ROLLBACK");
        }
      });
    const row = `"targetId" = ${user.id} AND action = 'account.deactivated'`;
    expect(await refused(`UPDATE "AuditLog" SET notes = NULL, details = NULL WHERE ${row}`)).toBe(true);
    expect(await refused(`SET LOCAL zporta.audit_erasure = 'on'; UPDATE "AuditLog" SET notes = NULL, details = NULL, action = 'x.y' WHERE ${row}`)).toBe(true);
    expect(await refused(`SET LOCAL zporta.audit_erasure = 'on'; DELETE FROM "AuditLog" WHERE ${row}`)).toBe(true);
    expect(await refused(`SET LOCAL zporta.audit_erasure = 'on'; UPDATE "AuditLog" SET notes = NULL, details = NULL WHERE ${row}`)).toBe(false);
  });

  it("with a browser's session cookie it asks for the password, as the page does; a token still needs no body (review N-L3)", async () => {
    const user = await apiSignedIn();
    const cookie = await sessionCookie(user.username, user.password);
    const REQUIRED = { detail: "Enter your password to delete your account.", fields: { password: "Enter your password to delete your account." } };
    const INCORRECT = { detail: "Password is incorrect.", fields: { password: "Password is incorrect." } };
    // The borrowed browser's one fetch: no body, a wrong password, a body that is no object.
    for (const [body, answer] of [
      [undefined, REQUIRED],
      [{}, REQUIRED],
      [{ password: "" }, REQUIRED],
      [{ password: "Not-the-password-1" }, INCORRECT],
      [[user.password], REQUIRED],
    ] as const) {
      const res = await http("/api/users/profile/", { method: "DELETE", cookie, origin: true, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json).toEqual(answer);
    }
    expect(await testDb().user.count({ where: { username: user.username } })).toBe(1);
    expect((await apiCall("/api/users/profile/", { token: user.token })).status).toBe(200);
    const res = await http("/api/users/profile/", { method: "DELETE", cookie, origin: true, body: { password: user.password } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ message: `Account ${user.username} has been permanently deleted.` });
    expect(await testDb().user.count({ where: { username: user.username } })).toBe(0);
  });

  it("the page's typed username must match the account under its row lock; a mismatch deletes nothing (issue 21 point 4)", async () => {
    // The password check's rate limiter keeps its counts through the app's client (getDb).
    process.env.DATABASE_URL ??= inject("databaseUrl");
    const user = await apiSignedIn();
    // The page's form: a browser session, the password and the typed username.
    const session = await createSession(testDb(), user.id);
    const ctx = { ...testContext({ actor: { id: user.id, isStaff: false }, ip: "198.51.100.21" }), adapter: "action" as const, credential: { kind: "browser" as const, id: session.id } };
    for (const typed of ["", "someone-else", user.username.toUpperCase(), null]) {
      await expect(deleteOwnAccount({ password: user.password, confirm_username: typed }, ctx)).rejects.toMatchObject({
        status: 400,
        message: DELETE_USERNAME_MISMATCH,
        fields: { confirm_username: DELETE_USERNAME_MISMATCH },
      });
    }
    const kept = await withPg((c) => c.query(`SELECT count(*)::int AS n FROM "User" WHERE id = $1`, [user.id]));
    expect(kept.rows[0].n).toBe(1);
    await deleteOwnAccount({ password: user.password, confirm_username: user.username }, ctx);
    const gone = await withPg((c) => c.query(`SELECT count(*)::int AS n FROM "User" WHERE id = $1`, [user.id]));
    expect(gone.rows[0].n).toBe(0);
  });

  it("401 without credentials; a cross-site cookie request does not count", async () => {
    expect((await http("/api/users/profile/", { method: "DELETE" })).status).toBe(401);
    const user = await apiSignedIn();
    const cookie = await sessionCookie(user.username, user.password);
    expect((await http("/api/users/profile/", { method: "DELETE", cookie, headers: { origin: "https://evil.example" } })).status).toBe(401);
    expect((await apiCall("/api/users/profile/", { headers: { cookie } })).status).toBe(200);
  });
});
