import { describe, expect, it } from "vitest";
import { startViewAs, stopViewAs } from "../../lib/admin/view-as";
import { VIEW_ONLY } from "../../lib/auth/who/guards";
import { apiLogin, makeStaff, registeredUser, sessionCookie } from "../support/auth";
import { http, refusal, testDb, withPg } from "../support/helpers";
import { pageText } from "../support/invite";
import { makeUser } from "../support/teach";
import { staffContext } from "../support/staff-context";

// "View as" (issue 14 point 4): a staff session shows the site as a member for at most an
// hour, read-only; no staff page opens; staff cannot be viewed as; start and stop audited.

const db = () => testDb();

async function signedIn(staff = false) {
  const user = await registeredUser();
  if (staff) await makeStaff(user.username);
  const cookie = await sessionCookie(user.username, user.password);
  const { id } = await db().user.findFirstOrThrow({ where: { username: user.username }, select: { id: true } });
  const session = await db().session.findFirstOrThrow({ where: { userId: id }, orderBy: { id: "desc" }, select: { id: true } });
  return { ...user, id, cookie, sessionId: session.id, actor: { id, isStaff: staff } };
}

const audit = async (action: string, targetId: number) =>
  (await withPg((c) => c.query(`SELECT "actorId", notes, details FROM "AuditLog" WHERE action = $1 AND "targetId" = $2 ORDER BY id`, [action, targetId]))).rows;

describe("view as", () => {
  it("pages show the member with a banner; staff pages are closed; every change through the cookie is refused", async () => {
    const staff = await signedIn(true);
    const member = await signedIn();
    const token = (await apiLogin({ username: member.username, password: member.password })).json!.token as string;
    const before = await db().user.findUniqueOrThrow({ where: { id: member.id }, select: { passwordHash: true, email: true, isActive: true } });

    const started = await startViewAs({ userId: String(member.id), reason: "Ticket 4711: cannot see invitations" }, staffContext(staff.actor, db(), { sessionId: staff.sessionId }));
    expect(started.until.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);
    expect(await audit("user.view_as_started", member.id)).toEqual([
      { actorId: staff.id, notes: "Ticket 4711: cannot see invitations", details: { sessionId: staff.sessionId, until: started.until.toISOString() } },
    ]);

    const account = await http("/account", { cookie: staff.cookie });
    expect(account.status).toBe(200);
    const words = pageText(account.text);
    expect(words).toContain(`${staff.username}, you are viewing the site as ${member.username}.`);
    expect(words).toContain(`Stop viewing as ${member.username}`);
    expect(words).toContain(member.email);

    for (const path of ["/admin", "/admin/users", `/admin/users/${member.id}`]) {
      const res = await http(path, { cookie: staff.cookie });
      expect(res.status, path).toBe(403);
      expect(pageText(res.text)).toContain("You are viewing the site as a member, so it is closed until you stop viewing.");
    }
    expect((await http("/admin/users/export", { cookie: staff.cookie })).status).toBe(403);

    // Reading through the API answers as the member; every change is refused.
    const profile = await http("/api/users/profile/", { cookie: staff.cookie });
    expect(profile.json).toMatchObject({ username: member.username });
    for (const [method, path, body] of [
      ["POST", "/api/users/change-password/", { current_password: member.password, new_password: "Another-Pass-987", confirm_new_password: "Another-Pass-987" }],
      ["POST", "/api/users/sessions/revoke-others/", {}],
      ["POST", "/api/users/deactivate/", {}],
      ["PATCH", "/api/users/profile/", { display_name: "Changed by staff" }],
      ["DELETE", "/api/users/profile/", undefined],
      ["POST", "/api/users/logout/", {}],
    ] as const) {
      const res = await http(path, { method, cookie: staff.cookie, origin: true, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.json).toEqual({ detail: VIEW_ONLY });
    }
    const after = await db().user.findUniqueOrThrow({ where: { id: member.id }, select: { passwordHash: true, email: true, isActive: true } });
    expect(after).toEqual(before);
    expect(await db().session.count({ where: { userId: member.id } })).toBe(1);
    expect((await http("/api/users/profile/", { key: token })).status).toBe(200);
    expect((await db().profile.findUniqueOrThrow({ where: { userId: member.id } })).displayName).toBeNull();

    // Stop: the staff member is back, audited.
    expect(await stopViewAs({}, staffContext(staff.actor, db(), { sessionId: staff.sessionId }))).toEqual({ userId: member.id });
    expect(await audit("user.view_as_stopped", member.id)).toEqual([{ actorId: staff.id, notes: null, details: { sessionId: staff.sessionId, expired: false } }]);
    const back = await http("/admin", { cookie: staff.cookie });
    expect(back.status).toBe(200);
    expect(pageText(back.text)).not.toContain("you are viewing the site as");
  });

  it("ends by itself after the hour (the end is audited once)", async () => {
    const staff = await signedIn(true);
    const member = await makeUser(db());
    await startViewAs({ userId: member.id, reason: "Test" }, staffContext(staff.actor, db(), { sessionId: staff.sessionId }));
    expect((await http("/admin", { cookie: staff.cookie })).status).toBe(403);
    await withPg((c) => c.query(`UPDATE "Session" SET "viewAsUntil" = now() - interval '1 second' WHERE id = $1`, [staff.sessionId]));
    const res = await http("/admin", { cookie: staff.cookie });
    expect(res.status).toBe(200);
    expect(pageText(res.text)).not.toContain("you are viewing the site as");
    await http("/admin", { cookie: staff.cookie });
    expect(await audit("user.view_as_stopped", member.id)).toEqual([{ actorId: staff.id, notes: null, details: { sessionId: staff.sessionId, expired: true } }]);
  });

  it("refuses staff targets, inactive ones, oneself and non-staff; the database holds the same rules", async () => {
    const staff = await signedIn(true);
    const otherStaff = await makeUser(db(), { isStaff: true });
    const inactive = await makeUser(db(), { isActive: false });
    const member = await signedIn();
    expect(await refusal(startViewAs({ userId: otherStaff.id, reason: "Test" }, staffContext(staff.actor, db(), { sessionId: staff.sessionId })))).toMatchObject({ status: 403, message: "Staff accounts cannot be viewed as." });
    expect((await refusal(startViewAs({ userId: inactive.id, reason: "Test" }, staffContext(staff.actor, db(), { sessionId: staff.sessionId })))).status).toBe(400);
    expect((await refusal(startViewAs({ userId: staff.id, reason: "Test" }, staffContext(staff.actor, db(), { sessionId: staff.sessionId })))).status).toBe(400);
    expect((await refusal(startViewAs({ userId: otherStaff.id, reason: "Test" }, staffContext(member.actor, db(), { sessionId: member.sessionId })))).status).toBe(403);
    // Another person's session id is not the staff member's to use.
    expect((await refusal(startViewAs({ userId: inactive.id + 0, reason: "x" }, staffContext(staff.actor, db(), { sessionId: member.sessionId })))).status).toBeGreaterThanOrEqual(400);

    const update = (sessionId: number, target: number, until = "now() + interval '30 minutes'") =>
      withPg((c) => c.query(`UPDATE "Session" SET "viewAsUserId" = $2, "viewAsUntil" = ${until} WHERE id = $1`, [sessionId, target]));
    await expect(update(staff.sessionId, otherStaff.id)).rejects.toThrow(/staff accounts cannot be viewed as/);
    await expect(update(member.sessionId, inactive.id)).rejects.toThrow(/only an active staff member/);
    await expect(update(staff.sessionId, member.id, "now() + interval '61 minutes'")).rejects.toThrow(/at most an hour/);
    await expect(
      withPg((c) => c.query(`UPDATE "Session" SET "viewAsUserId" = "userId", "viewAsUntil" = now() WHERE id = $1`, [staff.sessionId])),
    ).rejects.toThrow(/staff accounts cannot be viewed as/); // oneself: staff (and CHECK Session_view_as_not_self)
    const nobody = await audit("user.view_as_started", otherStaff.id);
    expect(nobody).toEqual([]);
  });

  it("a member made staff while being viewed is no longer shown", async () => {
    const staff = await signedIn(true);
    const member = await makeUser(db());
    await startViewAs({ userId: member.id, reason: "Test" }, staffContext(staff.actor, db(), { sessionId: staff.sessionId }));
    await db().user.update({ where: { id: member.id }, data: { isStaff: true } });
    const res = await http("/account", { cookie: staff.cookie });
    expect(pageText(res.text)).not.toContain(`viewing the site as ${member.username}`);
    expect(pageText(res.text)).toContain(staff.username);
  });
});
