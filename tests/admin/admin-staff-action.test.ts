import { describe, expect, it } from "vitest";
import { OPERATOR, type Actor } from "../../lib/actor";
import { allowedActions } from "../../lib/admin/allowed-actions";
import { setCanInviteTeachers } from "../../lib/admin/grant-invite";
import { markEmailVerified } from "../../lib/admin/mark-email-verified";
import { resetTwoFactorByStaff } from "../../lib/admin/reset-two-factor";
import { runMemberAction } from "../../lib/admin/member-action";
import type { UseCaseContext as StaffContext } from "../../lib/use-case/context";
import { sendPasswordResetByStaff } from "../../lib/admin/send-reset-link";
import { setUserActive } from "../../lib/admin/set-active";
import { setStaff } from "../../lib/admin/set-staff";
import { signOutEverywhere } from "../../lib/admin/sign-out-everywhere";
import { startViewAs } from "../../lib/admin/view-as";
import { createSession } from "../../lib/auth/credentials/session-rows";
import { refusal, testDb, withPg } from "../support/helpers";
import { staffContext } from "../support/staff-context";
import { makeUser } from "../support/teach";

// lib/admin's one skeleton (issue 19 point 2): every staff action refuses an unknown id
// with one sentence, needs a reason in the use case itself (not only on the page), keeps
// ordinary staff off superusers and other staff, and writes nothing when it refuses.

const db = () => testDb();

async function staff(superuser = false): Promise<Actor> {
  const s = await makeUser(db(), { isStaff: true, prefix: "staff" });
  if (superuser) await db().user.update({ where: { id: s.id }, data: { isSuperuser: true } });
  return { id: s.id, isStaff: true };
}

type Call = (input: Record<string, unknown>, ctx: StaffContext) => Promise<unknown>;
// Each action with the extra field it needs, the way a caller would call it.
const ACTIONS: [string, Call][] = [
  ["set active", (i, c) => setUserActive({ active: false, ...i }, c)],
  ["set staff", (i, c) => setStaff({ isStaff: true, ...i }, c)],
  ["mark verified", (i, c) => markEmailVerified(i, c)],
  ["sign out everywhere", (i, c) => signOutEverywhere(i, c)],
  ["grant invitations", (i, c) => setCanInviteTeachers({ canInviteTeachers: true, ...i }, c)],
  ["send a reset link", (i, c) => sendPasswordResetByStaff(i, c)],
  ["view as", (i, c) => startViewAs(i, c)],
  ["reset two-factor", (i, c) => resetTwoFactorByStaff(i, c)],
];

const auditCount = async (targetId: number) => Number((await withPg((c) => c.query(`SELECT count(*) FROM "AuditLog" WHERE "targetId" = $1 AND "targetType" = 'User'`, [targetId]))).rows[0].count);

describe("the staff-action helper", () => {
  it.each(ACTIONS)("%s: an unknown id is 404 \"No such user.\"", async (_name, call) => {
    const superuser = await staff(true);
    const sessionId = (await createSession(db(), superuser.id)).id;
    const err = await refusal(call({ userId: 2_000_000_000, reason: "Ticket 1" }, staffContext(superuser, db(), { sessionId })));
    expect({ status: err.status, message: err.message }).toEqual({ status: 404, message: "No such user." });
  });

  it.each(ACTIONS)("%s: without a reason (missing, blank) the use case itself refuses with 400 and changes nothing", async (_name, call) => {
    const superuser = await staff(true);
    const sessionId = (await createSession(db(), superuser.id)).id;
    const member = await makeUser(db(), { emailVerified: false });
    await createSession(db(), member.id);
    for (const input of [{ userId: member.id }, { userId: member.id, reason: "   " }, { userId: member.id, reason: null }]) {
      // The operator too: the CLI passes its own reason.
      for (const actor of [superuser, OPERATOR]) {
        const err = await refusal(call(input, staffContext(actor, db(), { sessionId })));
        expect({ status: err.status, message: err.message }).toEqual({ status: 400, message: "Give a reason: it goes into the audit log." });
      }
    }
    expect(await db().user.findUniqueOrThrow({ where: { id: member.id }, select: { isActive: true, isStaff: true, emailVerifiedAt: true } })).toEqual({
      isActive: true,
      isStaff: false,
      emailVerifiedAt: null,
    });
    expect(await db().session.count({ where: { userId: member.id } })).toBe(1);
    expect(await auditCount(member.id)).toBe(0);
  });

  it("ordinary staff on a superuser or another staff account: every action refused, nothing written", async () => {
    const plain = await staff();
    const sessionId = (await createSession(db(), plain.id)).id;
    for (const superTarget of [true, false]) {
      const target = await staff(superTarget);
      await db().user.update({ where: { id: target.id }, data: { emailVerifiedAt: null } });
      for (const [name, call] of ACTIONS) {
        const err = await refusal(call({ userId: target.id, reason: "coup" }, staffContext(plain, db(), { sessionId })));
        expect(err.status, name).toBe(403);
      }
      expect(await db().profile.findUniqueOrThrow({ where: { userId: target.id }, select: { canInviteTeachers: true } })).toEqual({ canInviteTeachers: false });
      expect(await auditCount(target.id)).toBe(0);
    }
  });

  it("grant invitations answers with the username, like its siblings", async () => {
    const member = await makeUser(db());
    expect(await setCanInviteTeachers({ userId: member.id, canInviteTeachers: "true", reason: "Department head" }, staffContext(await staff(), db()))).toEqual({
      userId: member.id,
      username: member.username,
      canInviteTeachers: true,
      changed: true,
    });
  });
});

describe("the member page's one form (runMemberAction)", () => {
  it("a dangerous action asks first and changes nothing until confirmed; the reason is checked before asking", async () => {
    const actor = await staff();
    const member = await makeUser(db());
    const ctx = staffContext(actor, db());
    expect(await refusal(runMemberAction({ action: "deactivate", userId: member.id, reason: "" }, ctx))).toMatchObject({ status: 400, message: "Give a reason: it goes into the audit log." });
    expect(await runMemberAction({ action: "deactivate", userId: member.id, reason: "Spam reports" }, ctx)).toMatchObject({ status: "confirm", kind: "deactivate" });
    expect((await db().user.findUniqueOrThrow({ where: { id: member.id } })).isActive).toBe(true);
    expect(await runMemberAction({ action: "deactivate", userId: member.id, reason: "Spam reports", confirmed: "yes" }, ctx)).toEqual({
      status: "done",
      kind: "deactivate",
      message: `${member.username} is now inactive.`,
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: member.id } })).isActive).toBe(false);
    // A safe one runs at once.
    expect(await runMemberAction({ action: "reactivate", userId: member.id, reason: "Appeal" }, ctx)).toMatchObject({ status: "done", message: `${member.username} is now active.` });
  });

  it("an unknown or missing action is one sentence", async () => {
    const ctx = staffContext(await staff(), db());
    for (const action of [null, "drop-table", 5]) {
      expect(await refusal(runMemberAction({ action, userId: 1, reason: "x" }, ctx))).toMatchObject({ status: 400, message: "Choose an action." });
    }
    expect(await refusal(runMemberAction("nope", ctx))).toMatchObject({ status: 400 });
  });
});

describe("allowedActions", () => {
  const member = { id: 2, email: "m@example.com", emailVerifiedAt: null, isActive: true, selfDeactivated: false, isStaff: false, isSuperuser: false, profile: { canInviteTeachers: false } };
  const kinds = (viewer: { id: number; isSuperuser: boolean }, target: typeof member) => allowedActions(viewer, target).options.map((o) => o.kind);

  it("ordinary staff on a member: everything but staff access", () => {
    expect(kinds({ id: 1, isSuperuser: false }, member)).toEqual(["deactivate", "allow-inviting", "sign-out-everywhere", "reset-two-factor", "mark-email-verified", "send-reset-link", "view-as"]);
  });

  it("ordinary staff on a superuser: nothing, and says why", () => {
    const boss = { ...member, isStaff: true, isSuperuser: true };
    const { options, notes } = allowedActions({ id: 1, isSuperuser: false }, boss);
    expect(options).toEqual([]);
    expect(notes).toContain("Only a superuser can act on another staff account.");
  });

  it("a superuser on a colleague: may act, never vouch for the address nor view as; on themselves no deactivate nor remove staff", () => {
    const colleague = { ...member, isStaff: true };
    expect(kinds({ id: 1, isSuperuser: true }, colleague)).toEqual(["deactivate", "allow-inviting", "sign-out-everywhere", "reset-two-factor", "send-reset-link", "remove-staff"]);
    expect(kinds({ id: 2, isSuperuser: true }, { ...colleague, isSuperuser: true })).toEqual(["allow-inviting", "sign-out-everywhere", "send-reset-link"]);
  });

  it("dangerous ones are marked: Deactivate, Make staff, Sign out everywhere, Reset two-factor authentication", () => {
    const danger = allowedActions({ id: 1, isSuperuser: true }, member).options.filter((o) => o.danger).map((o) => o.label);
    expect(danger).toEqual(["Deactivate", "Sign out everywhere", "Reset two-factor authentication", "Make staff"]);
  });
});
