import { describe, expect, it } from "vitest";
import { OPERATOR } from "../../lib/actor";
import { signOutEverywhere } from "../../lib/admin/sign-out-everywhere";
import { apiCall, apiSignedIn, makeStaff, sessionCookie } from "../support/auth";
import { refusal, testDb, withPg } from "../support/helpers";
import { staffContext } from "../support/staff-context";

// Staff "Sign out everywhere" (issue 10 point 8): the use case behind the admin button.

describe("signOutEverywhere", () => {
  it("ends every session and token of the user, audited with the staff member as actor", async () => {
    const staff = await apiSignedIn({ staff: true });
    const user = await apiSignedIn();
    const cookie = await sessionCookie(user.username, user.password);
    const result = await signOutEverywhere({ userId: String(user.id), reason: "Test" }, staffContext({ id: staff.id, isStaff: true }, testDb()));
    expect(result).toEqual({ userId: user.id, username: user.username, revoked: 2 });
    expect((await apiCall("/api/users/profile/", { token: user.token })).status).toBe(401);
    expect((await apiCall("/api/users/profile/", { headers: { cookie } })).status).toBe(401);
    expect((await apiCall("/api/users/profile/", { token: staff.token })).status).toBe(200);
    const audit = await withPg((c) => c.query(`SELECT "actorId", details FROM "AuditLog" WHERE action = 'session.revoked_all' AND "targetId" = $1`, [user.id]));
    expect(audit.rows).toEqual([{ actorId: staff.id, details: { sessions: 1, tokens: 1 } }]);
  });

  it("refuses non-staff (and a staff flag revoked in the database), an unknown user and a bad id; the operator may", async () => {
    const member = await apiSignedIn();
    const victim = await apiSignedIn();
    expect((await refusal(signOutEverywhere({ userId: victim.id, reason: "Test" }, staffContext({ id: member.id, isStaff: false }, testDb())))).status).toBe(403);
    // Claims staff, but the database says otherwise.
    expect((await refusal(signOutEverywhere({ userId: victim.id, reason: "Test" }, staffContext({ id: member.id, isStaff: true }, testDb())))).status).toBe(403);
    expect((await apiCall("/api/users/profile/", { token: victim.token })).status).toBe(200);
    expect((await refusal(signOutEverywhere({ userId: 2_000_000_000, reason: "Test" }, staffContext(OPERATOR, testDb())))).status).toBe(404);
    expect((await refusal(signOutEverywhere({ userId: "abc", reason: "Test" }, staffContext(OPERATOR, testDb())))).status).toBe(400);
    await makeStaff(member.username);
    expect((await signOutEverywhere({ userId: victim.id, reason: "Test" }, staffContext(OPERATOR, testDb()))).revoked).toBe(1);
  });
});
