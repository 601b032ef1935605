import { beforeAll, describe, expect, inject, it } from "vitest";
import { OPERATOR } from "../../lib/actor";
import { requireStaffRequest } from "../../lib/auth/who/request";
import { setUserActive } from "../../lib/admin/set-active";
import { apiLogin, makeStaff, registeredUser, sessionCookie } from "../support/auth";
import { baseUrl, testDb } from "../support/helpers";
import { staffContext } from "../support/staff-context";

beforeAll(() => {
  process.env.DATABASE_URL = inject("databaseUrl");
});

describe("the /admin area over HTTP", () => {
  it("sends anonymous visitors to /login?next=… (deep links kept)", async () => {
    for (const [path, next] of [
      ["/admin", "%2Fadmin"],
      ["/admin?tab=users", "%2Fadmin%3Ftab%3Dusers"],
    ]) {
      const res = await fetch(`${baseUrl()}${path}`, { redirect: "manual" });
      expect(res.status).toBe(307);
      expect(res.headers.get("location")).toBe(`/login?next=${next}`);
    }
  });

  it("answers 403 to a signed-in non-staff member and 200 to staff", async () => {
    const member = await registeredUser();
    const staff = await registeredUser();
    await makeStaff(staff.username);
    const memberRes = await fetch(`${baseUrl()}/admin`, { headers: { cookie: await sessionCookie(member.username, member.password) }, redirect: "manual" });
    expect(memberRes.status).toBe(403);
    const page = await memberRes.text();
    expect(page).not.toContain("Needs attention");
    // A real page in the HTML itself, readable without JavaScript.
    expect(page).toContain("This area is for staff only.");
    const deep = await fetch(`${baseUrl()}/admin/guide-applications?status=pending`, {
      headers: { cookie: await sessionCookie(member.username, member.password) },
      redirect: "manual",
    });
    expect(deep.status).toBe(403);
    expect(await deep.text()).toContain("This area is for staff only.");
    const staffRes = await fetch(`${baseUrl()}/admin`, { headers: { cookie: await sessionCookie(staff.username, staff.password) }, redirect: "manual" });
    expect(staffRes.status).toBe(200);
    expect(await staffRes.text()).toContain("Needs attention");
  });
});

describe("requireStaffRequest (for every staff-only route handler)", () => {
  const request = (headers: Record<string, string> = {}) => new Request("http://app.test/api/anything/", { headers });

  it("401 without credentials, 403 for a member, the user for staff", async () => {
    const member = await registeredUser();
    const staff = await registeredUser();
    await makeStaff(staff.username);
    const memberToken = (await apiLogin({ username: member.username, password: member.password })).json!.token as string;
    const staffToken = (await apiLogin({ username: staff.username, password: staff.password })).json!.token as string;

    await expect(requireStaffRequest(request(), testDb())).rejects.toMatchObject({ status: 401, message: "Authentication credentials were not provided." });
    await expect(requireStaffRequest(request({ authorization: `Token ${memberToken}` }), testDb())).rejects.toMatchObject({
      status: 403,
      message: "Admin permission required.",
    });
    const ok = await requireStaffRequest(request({ authorization: `Token ${staffToken}` }), testDb());
    expect(ok).toMatchObject({ username: staff.username, isStaff: true });
  });
});

describe("staff-only domain functions (setUserActive)", () => {
  async function ids() {
    const staff = await registeredUser();
    await makeStaff(staff.username);
    const target = await registeredUser();
    const [s, t] = await Promise.all([
      testDb().user.findFirstOrThrow({ where: { username: staff.username } }),
      testDb().user.findFirstOrThrow({ where: { username: target.username } }),
    ]);
    return { staffId: s.id, targetId: t.id };
  }

  it("refuse members, staff whose flag was revoked since, and look-alikes of the operator", async () => {
    const { staffId, targetId } = await ids();
    const input = { userId: targetId, active: false, reason: "Test" };
    const forbidden = { status: 403, message: "Admin permission required." };
    await expect(setUserActive(input, staffContext({ id: targetId, isStaff: false }, testDb()))).rejects.toMatchObject(forbidden);
    await testDb().user.update({ where: { id: staffId }, data: { isStaff: false } });
    // The session still says staff; the database decides.
    await expect(setUserActive(input, staffContext({ id: staffId, isStaff: true }, testDb()))).rejects.toMatchObject(forbidden);
    await expect(setUserActive(input, staffContext({ id: 0, isStaff: true }, testDb()))).rejects.toMatchObject(forbidden);
    expect((await testDb().user.findUniqueOrThrow({ where: { id: targetId } })).isActive).toBe(true);
  });

  it("let staff and the operator act, audited; staff cannot deactivate themselves", async () => {
    const { staffId, targetId } = await ids();
    await expect(setUserActive({ userId: staffId, active: false, reason: "Test" }, staffContext({ id: staffId, isStaff: true }, testDb()))).rejects.toMatchObject({ status: 400 });
    const off = await setUserActive({ userId: targetId, active: "false", reason: "Test" }, staffContext({ id: staffId, isStaff: true }, testDb()));
    expect(off).toMatchObject({ userId: targetId, isActive: false, changed: true });
    const on = await setUserActive({ userId: targetId, active: true, reason: "Test" }, staffContext(OPERATOR, testDb()));
    expect(on).toMatchObject({ isActive: true, changed: true });
    const audit = await testDb().auditLog.findMany({ where: { targetType: "User", targetId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["user.deactivated", staffId],
      ["user.activated", null],
    ]);
    await expect(setUserActive({ userId: targetId, active: "maybe", reason: "Test" }, staffContext(OPERATOR, testDb()))).rejects.toMatchObject({ message: "Active must be true or false." });
    await expect(setUserActive({ userId: 2_000_000_000, active: true, reason: "Test" }, staffContext(OPERATOR, testDb()))).rejects.toMatchObject({ status: 404 });
  });
});
