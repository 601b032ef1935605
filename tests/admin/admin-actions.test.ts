import { describe, expect, it } from "vitest";
import { OPERATOR } from "../../lib/actor";
import { getUserDetail } from "../../lib/admin/user-detail";
import { createSession } from "../../lib/auth/credentials/session-rows";
import { setCanInviteTeachers } from "../../lib/admin/grant-invite";
import { sendPasswordResetByStaff } from "../../lib/admin/send-reset-link";
import { createStaffUser } from "../../lib/users/create-staff";
import { markEmailVerified } from "../../lib/admin/mark-email-verified";
import { setUserActive } from "../../lib/admin/set-active";
import { setStaff } from "../../lib/admin/set-staff";
import { signOutEverywhere } from "../../lib/admin/sign-out-everywhere";
import { makeStaff, registeredUser, sessionCookie } from "../support/auth";
import { http, refusal, STRONG_PASSWORD, testDb, uniq, withPg } from "../support/helpers";
import { pageText } from "../support/invite";
import { makeUser } from "../support/teach";
import { staffContext } from "../support/staff-context";
import { OPERATOR_ACTOR } from "../../lib/use-case/context";
import { testContext } from "../support/context";

// Staff actions on one person (issue 14 point 3): each writes its audit row with the
// reason; the superuser rule; nobody removes their own staff flag or deactivates themselves.

const db = () => testDb();
const lastAudit = async (targetId: number, action: string) =>
  (
    await withPg((c) =>
      c.query(`SELECT "actorId", notes, details FROM "AuditLog" WHERE "targetType" = 'User' AND "targetId" = $1 AND action = $2 ORDER BY id DESC LIMIT 1`, [
        targetId,
        action,
      ]),
    )
  ).rows[0];

async function staff(superuser = false) {
  const s = await makeUser(db(), { isStaff: true, prefix: "staff" });
  if (superuser) await db().user.update({ where: { id: s.id }, data: { isSuperuser: true } });
  return { id: s.id, isStaff: true };
}

describe("staff actions record the reason in the audit log", () => {
  it("deactivate / reactivate, allow / stop inviting, sign out everywhere, mark email verified", async () => {
    const actor = await staff();
    const member = await makeUser(db(), { emailVerified: false });
    await createSession(db(), member.id);

    await setUserActive({ userId: member.id, active: false, reason: "Spam reports" }, staffContext(actor, db()));
    expect(await lastAudit(member.id, "user.deactivated")).toEqual({ actorId: actor.id, notes: "Spam reports", details: { changed: true } });
    expect(await db().session.count({ where: { userId: member.id } })).toBe(0);
    await setUserActive({ userId: member.id, active: "true", reason: "Appeal accepted" }, staffContext(actor, db()));
    expect((await lastAudit(member.id, "user.activated")).notes).toBe("Appeal accepted");

    await setCanInviteTeachers({ userId: member.id, canInviteTeachers: "true", reason: "Department head" }, staffContext(actor, db()));
    expect((await lastAudit(member.id, "profile.invite_permission_granted")).notes).toBe("Department head");
    await setCanInviteTeachers({ userId: member.id, canInviteTeachers: false, reason: "Left school" }, staffContext(actor, db()));
    expect((await lastAudit(member.id, "profile.invite_permission_revoked")).notes).toBe("Left school");

    await createSession(db(), member.id);
    const out = await signOutEverywhere({ userId: member.id, reason: "Lost phone" }, staffContext(actor, db()));
    expect(out.revoked).toBe(1);
    expect(await lastAudit(member.id, "session.revoked_all")).toEqual({ actorId: actor.id, notes: "Lost phone", details: { sessions: 1, tokens: 0 } });

    const verified = await markEmailVerified({ userId: member.id, reason: "Confirmed by phone" }, staffContext(actor, db()));
    expect(verified.changed).toBe(true);
    expect(await lastAudit(member.id, "user.email_marked_verified")).toEqual({ actorId: actor.id, notes: "Confirmed by phone", details: { changed: true } });
    const again = await markEmailVerified({ userId: member.id, reason: "twice" }, staffContext(actor, db()));
    expect(again).toMatchObject({ changed: false, emailVerifiedAt: verified.emailVerifiedAt });
    // The email trigger still forgets the proof when the address changes.
    await db().user.update({ where: { id: member.id }, data: { email: `${uniq("new")}@example.com` } });
    expect((await db().user.findUniqueOrThrow({ where: { id: member.id } })).emailVerifiedAt).toBeNull();

    const detail = await getUserDetail(String(member.id), testContext({ actor, db: db() }));
    expect(detail.audit.map((e) => e.notes)).toEqual(expect.arrayContaining(["Spam reports", "Lost phone", "Confirmed by phone"]));
    expect(JSON.stringify(detail)).not.toContain("not-a-real-hash");
  });

  it("non-staff, and staff whose flag the database no longer has, are refused", async () => {
    const member = await makeUser(db());
    const target = await makeUser(db(), { emailVerified: false });
    const notStaff = { id: member.id, isStaff: false };
    const claims = { id: member.id, isStaff: true };
    for (const actor of [notStaff, claims]) {
      expect((await refusal(markEmailVerified({ userId: target.id, reason: "x" }, staffContext(actor, db())))).status).toBe(403);
      expect((await refusal(setStaff({ userId: target.id, isStaff: true, reason: "x" }, staffContext(actor, db())))).status).toBe(403);
    }
    expect((await refusal(getUserDetail(target.id, testContext({ actor: notStaff, db: db() })))).status).toBe(403);
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).emailVerifiedAt).toBeNull();
  });
});

describe("ordinary staff cannot act on superusers or other staff (review N-L6)", () => {
  const STAFF_TARGET = { status: 403, message: "Only a superuser can do this to another staff account." };

  it("deactivate, sign out everywhere, send a reset link: refused inside the transaction, nothing changed; a superuser and the operator may", async () => {
    const plain = await staff();
    for (const superTarget of [true, false]) {
      const target = await staff(superTarget);
      await createSession(db(), target.id);
      expect(await refusal(setUserActive({ userId: target.id, active: false, reason: "coup" }, staffContext(plain, db())))).toMatchObject(STAFF_TARGET);
      expect(await refusal(signOutEverywhere({ userId: target.id, reason: "coup" }, staffContext(plain, db())))).toMatchObject(STAFF_TARGET);
      expect(await refusal(sendPasswordResetByStaff({ userId: target.id, reason: "coup" }, staffContext(plain, db())))).toMatchObject(STAFF_TARGET);
      expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).isActive).toBe(true);
      expect(await db().session.count({ where: { userId: target.id } })).toBe(1);
      expect(await db().oneTimeLink.count({ where: { userId: target.id, purpose: "reset" } })).toBe(0);
      expect(await lastAudit(target.id, "user.deactivated")).toBeUndefined();
    }
    const superuser = await staff(true);
    const colleague = await staff();
    await createSession(db(), colleague.id);
    await expect(signOutEverywhere({ userId: colleague.id, reason: "Lost laptop" }, staffContext(superuser, db()))).resolves.toMatchObject({ revoked: 1 });
    await expect(sendPasswordResetByStaff({ userId: colleague.id, reason: "Locked out" }, staffContext(superuser, db()))).resolves.toMatchObject({ userId: colleague.id });
    await expect(setUserActive({ userId: colleague.id, active: false, reason: "Left" }, staffContext(superuser, db()))).resolves.toMatchObject({ isActive: false });
    await expect(setUserActive({ userId: colleague.id, active: true, reason: "Back" }, staffContext(OPERATOR, db()))).resolves.toMatchObject({ isActive: true });
    // Ordinary staff still act on members, and on themselves.
    const member = await makeUser(db());
    await expect(signOutEverywhere({ userId: member.id, reason: "Lost phone" }, staffContext(plain, db()))).resolves.toMatchObject({ userId: member.id });
    await expect(signOutEverywhere({ userId: plain.id, reason: "My own" }, staffContext(plain, db()))).resolves.toMatchObject({ userId: plain.id });
  });

  it("a staff account's email is never marked verified by staff, superusers included; the operator may", async () => {
    const superuser = await staff(true);
    const target = await makeUser(db(), { isStaff: true, emailVerified: false, prefix: "staff" });
    for (const actor of [await staff(), superuser]) {
      expect(await refusal(markEmailVerified({ userId: target.id, reason: "vouch" }, staffContext(actor, db())))).toMatchObject({
        status: 403,
        message: "A staff account's email address is proven by its own link, not marked verified by staff.",
      });
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).emailVerifiedAt).toBeNull();
    await expect(markEmailVerified({ userId: target.id, reason: "operator" }, staffContext(OPERATOR, db()))).resolves.toMatchObject({ changed: true });
  });

  it("the member page offers ordinary staff none of these on a superuser; a superuser sees them", async () => {
    const plain = await registeredUser();
    await makeStaff(plain.username);
    const boss = await registeredUser();
    await makeStaff(boss.username);
    await withPg((c) => c.query(`UPDATE "User" SET "isSuperuser" = true, "emailVerifiedAt" = NULL WHERE username = $1`, [boss.username]));
    const bossId = (await db().user.findFirstOrThrow({ where: { username: boss.username } })).id;
    const asPlain = pageText((await http(`/admin/users/${bossId}`, { cookie: await sessionCookie(plain.username, plain.password) })).text);
    expect(asPlain).toContain("Only a superuser can act on another staff account.");
    for (const label of ["Deactivate", "Sign out everywhere", "Send a password reset link", "Mark email verified"]) expect(asPlain).not.toContain(label);
    const other = await registeredUser();
    await makeStaff(other.username);
    await withPg((c) => c.query(`UPDATE "User" SET "isSuperuser" = true WHERE username = $1`, [other.username]));
    const asSuper = pageText((await http(`/admin/users/${bossId}`, { cookie: await sessionCookie(other.username, other.password) })).text);
    for (const label of ["Deactivate", "Sign out everywhere", "Send a password reset link"]) expect(asSuper).toContain(label);
    expect(asSuper).not.toContain("Mark email verified");
  });
});

describe("grant and remove staff", () => {
  it("only a superuser (or the operator) may; audited with the reason", async () => {
    const plain = await staff();
    const superuser = await staff(true);
    const member = await makeUser(db());
    const refused = await refusal(setStaff({ userId: member.id, isStaff: true, reason: "helping" }, staffContext(plain, db())));
    expect(refused).toMatchObject({ status: 403, message: "Only a superuser can grant or remove staff access." });
    expect((await db().user.findUniqueOrThrow({ where: { id: member.id } })).isStaff).toBe(false);

    await setStaff({ userId: member.id, isStaff: "true", reason: "New support hire" }, staffContext(superuser, db()));
    expect((await db().user.findUniqueOrThrow({ where: { id: member.id } })).isStaff).toBe(true);
    expect(await lastAudit(member.id, "user.staff_granted")).toEqual({ actorId: superuser.id, notes: "New support hire", details: { changed: true } });

    // Removing staff from a superuser removes superuser too (CHECK User_superuser_is_staff).
    await db().user.update({ where: { id: member.id }, data: { isSuperuser: true } });
    await setStaff({ userId: member.id, isStaff: false, reason: "Left the team" }, staffContext(OPERATOR, db()));
    expect(await db().user.findUniqueOrThrow({ where: { id: member.id }, select: { isStaff: true, isSuperuser: true } })).toEqual({ isStaff: false, isSuperuser: false });
    expect(await lastAudit(member.id, "user.staff_removed")).toEqual({ actorId: null, notes: "Left the team", details: { changed: true } });
  });

  it("nobody removes their own staff flag or deactivates themselves; the database refuses a superuser without staff", async () => {
    const superuser = await staff(true);
    expect(await refusal(setStaff({ userId: superuser.id, isStaff: false, reason: "oops" }, staffContext(superuser, db())))).toMatchObject({
      status: 400,
      message: "You cannot remove your own staff access.",
    });
    expect(await refusal(setUserActive({ userId: superuser.id, active: false, reason: "oops" }, staffContext(superuser, db())))).toMatchObject({ status: 400 });
    expect((await db().user.findUniqueOrThrow({ where: { id: superuser.id } })).isStaff).toBe(true);
    await expect(withPg((c) => c.query(`UPDATE "User" SET "isStaff" = false WHERE id = $1`, [superuser.id]))).rejects.toThrow(/User_superuser_is_staff/);
  });

  it("bad input is one sentence", async () => {
    const superuser = await staff(true);
    expect(await refusal(setStaff({ userId: "x", isStaff: true, reason: "Test" }, staffContext(superuser, db())))).toMatchObject({ status: 400, message: "User id must be a positive whole number." });
    expect(await refusal(setStaff({ userId: 5, isStaff: "perhaps", reason: "Test" }, staffContext(superuser, db())))).toMatchObject({ status: 400, message: "Staff must be true or false." });
    expect(await refusal(setStaff({ userId: 2_000_000_000, isStaff: true, reason: "Test" }, staffContext(superuser, db())))).toMatchObject({ status: 404 });
    expect(await refusal(markEmailVerified({ userId: 1, reason: "r".repeat(501) }, staffContext(superuser, db())))).toMatchObject({ status: 400, message: "Reason must be at most 500 characters." });
  });

  it("create-staff can make a superuser", async () => {
    const username = uniq("root");
    const created = await createStaffUser({ username, email: `${username}@example.com`, password: STRONG_PASSWORD, superuser: true }, testContext({ db: db(), actor: OPERATOR_ACTOR }));
    expect(await db().user.findUniqueOrThrow({ where: { id: created.id }, select: { isStaff: true, isSuperuser: true } })).toEqual({ isStaff: true, isSuperuser: true });
  });
});

describe("staff send a password reset link", () => {
  it("queues the link to the member's own address, audits the reason, and leaves no secret in the audit row", async () => {
    const actor = await staff();
    const member = await makeUser(db());
    const before = await db().outbox.count({ where: { to: member.email!, kind: "password_reset.requested" } });
    await expect(sendPasswordResetByStaff({ userId: member.id, reason: "Locked out, phoned support" }, staffContext(actor, db()))).resolves.toMatchObject({
      userId: member.id,
    });
    expect(await db().outbox.count({ where: { to: member.email!, kind: "password_reset.requested" } })).toBe(before + 1);
    expect(await db().oneTimeLink.count({ where: { userId: member.id, purpose: "reset", usedAt: null } })).toBe(1);
    expect(await lastAudit(member.id, "user.password_reset_sent")).toEqual({ actorId: actor.id, notes: "Locked out, phoned support", details: null });
  });

  it("refuses non-staff, an account without an email and one deactivated by staff", async () => {
    const actor = await staff();
    const member = await makeUser(db());
    expect((await refusal(sendPasswordResetByStaff({ userId: member.id, reason: "x" }, staffContext({ id: member.id, isStaff: false }, db())))).status).toBe(403);
    const noEmail = await makeUser(db());
    await db().user.update({ where: { id: noEmail.id }, data: { email: null } });
    expect((await refusal(sendPasswordResetByStaff({ userId: noEmail.id, reason: "x" }, staffContext(actor, db())))).message).toBe("This account has no email address to send a link to.");
    await setUserActive({ userId: member.id, active: false, reason: "Spam" }, staffContext(actor, db()));
    expect((await refusal(sendPasswordResetByStaff({ userId: member.id, reason: "x" }, staffContext(actor, db())))).message).toBe("This account was deactivated by staff: reactivate it first.");
    expect(await db().oneTimeLink.count({ where: { userId: { in: [member.id, noEmail.id] } } })).toBe(0);
  });
});
