import { beforeAll, describe, expect, inject, it } from "vitest";
import { requireStaffRequest } from "../lib/auth/request";
import { apiLogin, makeStaff, registeredUser, sessionCookie } from "./support/auth";
import { baseUrl, testDb } from "./support/helpers";

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
    expect(await memberRes.text()).not.toContain("Recent users");
    const staffRes = await fetch(`${baseUrl()}/admin`, { headers: { cookie: await sessionCookie(staff.username, staff.password) }, redirect: "manual" });
    expect(staffRes.status).toBe(200);
    expect(await staffRes.text()).toContain("Recent users");
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
