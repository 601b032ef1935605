import { describe, expect, inject, it } from "vitest";
import { acceptInvitation, acceptInvitationOnBehalf } from "../../lib/invitations/accept";
import { INVITEE_UNVERIFIED } from "../../lib/invitations/messages";
import { getInvitationByToken } from "../../lib/invitations/by-token";
import { cancelInvitation } from "../../lib/invitations/cancel";
import { expireOverdueInvitations } from "../../lib/invitations/expire";
import { setCanInviteTeachers } from "../../lib/admin/grant-invite";
import { listInvitations, listMyInvitations } from "../../lib/invitations/list";
import { registerAndAcceptInvitation } from "../../lib/invitations/register-and-accept";
import { sendInvitation } from "../../lib/invitations/send";
import { hashInvitationToken } from "../../lib/invitations/token";
import { registerUser } from "../../lib/users/register";
import { refusal, STRONG_PASSWORD, testDb, uniq, withPg } from "../support/helpers";
import { freshEmail, pendingInvitation } from "../support/invite";
import { emailText } from "../support/mailbox";
import { ageInvitation, makeInviter, makeStaff, makeUser, profileOf, tokenFromMailbox } from "../support/teach";
import { staffContext } from "../support/staff-context";
import { testContext } from "../support/context";

/** An inviter, a sent invitation and its token as the invitee receives it. */
async function invited(opts: { email?: string; message?: string } = {}) {
  const db = testDb();
  return { db, ...(await pendingInvitation(db, opts)) };
}

describe("sendInvitation", () => {
  it("creates a pending invitation that expires 30 days after creation, stores only the token's hash, and queues the email", async () => {
    const { db, inviter, email, sent, token, id } = await invited({ message: "Join us!\nIt is fun." });
    expect(sent.remainingThisMonth).toBe(2);
    expect(sent.invitation).toMatchObject({ status: "pending", inviteeEmail: email, personalMessage: "Join us!\nIt is fun.", inviter: { id: inviter.id } });
    expect(sent.invitation.expiresAt.getTime() - sent.invitation.createdAt.getTime()).toBe(30 * 24 * 3600 * 1000);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    const row = await db.teacherInvitation.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const mail = await db.outbox.findFirstOrThrow({ where: { to: email, kind: "invitation.sent" } });
    // The email has the link; the row keeps the token apart, and only until delivery.
    expect(emailText(mail, inject("databaseUrl"))).toContain(`http://localhost:3000/accept-invitation?token=${token}\n`);
    expect(mail.text).toContain("http://localhost:3000/accept-invitation?token=\n");
    expect(mail.text).not.toContain(token);
    expect(mail.secret === token || (mail.secret === null && mail.status === "delivered")).toBe(true);
    expect(mail.text).toContain("> Join us!\n> It is fun.");
    expect(mail.subject).toBe(`${inviter.username} invited you to teach on Zporta Academy`);
    expect(await db.auditLog.count({ where: { action: "invitation.sent", targetId: id, actorId: inviter.id } })).toBe(1);
    // No other place in the database holds the token.
    const audit = await db.auditLog.findMany({ where: { targetType: "TeacherInvitation", targetId: id } });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("builds the link from PUBLIC_BASE_URL", async () => {
    const before = process.env.PUBLIC_BASE_URL;
    process.env.PUBLIC_BASE_URL = "https://academy.example.org/";
    try {
      const { db, email, token } = await invited();
      const mail = await db.outbox.findFirstOrThrow({ where: { to: email, kind: "invitation.sent" } });
      expect(emailText(mail, inject("databaseUrl"))).toContain(`https://academy.example.org/accept-invitation?token=${token}`);
    } finally {
      if (before === undefined) delete process.env.PUBLIC_BASE_URL;
      else process.env.PUBLIC_BASE_URL = before;
    }
  });

  it("requires canInviteTeachers", async () => {
    const db = testDb();
    const user = await makeUser(db, { role: "guide" });
    const staff = await makeStaff(db);
    for (const actor of [user, staff]) {
      expect(await refusal(sendInvitation({ inviteeEmail: freshEmail() }, testContext({ actor, db })))).toMatchObject({
        status: 403,
        message: "You don't have permission to invite teachers",
      });
    }
  });

  it("allows 3 per calendar month (UTC), counting cancelled ones, and not ones from last month", async () => {
    const db = testDb();
    const inviter = await makeInviter(db);
    const old = await sendInvitation({ inviteeEmail: freshEmail() }, testContext({ actor: inviter, db }));
    // Move it to before the start of this month (UTC).
    await withPg((c) =>
      c.query(
        `UPDATE "TeacherInvitation" SET "createdAt" = date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '1 second',
           "expiresAt" = date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '1 second' + interval '30 days' WHERE id = $1`,
        [old.invitation.id],
      ),
    );
    const a = await sendInvitation({ inviteeEmail: freshEmail() }, testContext({ actor: inviter, db }));
    await cancelInvitation({ invitationId: a.invitation.id }, testContext({ actor: inviter, db }));
    const b = await sendInvitation({ inviteeEmail: freshEmail() }, testContext({ actor: inviter, db }));
    const c = await sendInvitation({ inviteeEmail: freshEmail() }, testContext({ actor: inviter, db }));
    expect([a.remainingThisMonth, b.remainingThisMonth, c.remainingThisMonth]).toEqual([2, 1, 0]);
    expect(await refusal(sendInvitation({ inviteeEmail: freshEmail() }, testContext({ actor: inviter, db })))).toMatchObject({
      status: 403,
      message: "You've reached your monthly limit of 3 invitations",
    });
    const mine = await listMyInvitations({}, testContext({ actor: inviter, db }));
    expect(mine).toMatchObject({ monthlyCount: 3, remainingThisMonth: 0, canInvite: true });
    expect(mine.invitations).toHaveLength(4);
  });

  it("refuses an email that already has an account, in any letter case", async () => {
    const db = testDb();
    const inviter = await makeInviter(db);
    const existing = await makeUser(db);
    const err = await refusal(sendInvitation({ inviteeEmail: existing.email.toUpperCase() }, testContext({ actor: inviter, db })));
    expect(err).toMatchObject({ status: 400, message: "A user with this email already exists." });
    expect((await refusal(sendInvitation({ inviteeEmail: inviter.email }, testContext({ actor: inviter, db })))).status).toBe(400);
  });

  it("refuses a second pending invitation to the same email (any case) by the same inviter; another inviter may", async () => {
    const db = testDb();
    const { inviter, email } = await invited();
    const err = await refusal(sendInvitation({ inviteeEmail: email.toUpperCase() }, testContext({ actor: inviter, db })));
    expect(err).toMatchObject({ status: 400, message: "You already have a pending invitation for this email." });
    const other = await makeInviter(db);
    expect((await sendInvitation({ inviteeEmail: email }, testContext({ actor: other, db }))).invitation.status).toBe("pending");
  });

  it("the partial unique index refuses a duplicate pending row even without the pre-check; a cancelled one frees the email", async () => {
    const { db, inviter, email, id } = await invited();
    await withPg(async (c) => {
      await expect(
        c.query(
          `INSERT INTO "TeacherInvitation" ("inviterId", "inviteeEmail", "tokenHash", "createdAt", "expiresAt") VALUES ($1, $2, $3, now(), now() + interval '30 days')`,
          [inviter.id, email.toUpperCase(), "a".repeat(64)],
        ),
      ).rejects.toThrow(/TeacherInvitation_one_pending_per_email/);
    });
    await cancelInvitation({ invitationId: id }, testContext({ actor: inviter, db }));
    expect((await sendInvitation({ inviteeEmail: email }, testContext({ actor: inviter, db }))).invitation.status).toBe("pending");
  });

  it("the database holds the 30-day expiry and the token-hash shape", async () => {
    const inviter = await makeInviter(testDb());
    await withPg(async (c) => {
      await expect(
        c.query(
          `INSERT INTO "TeacherInvitation" ("inviterId", "inviteeEmail", "tokenHash", "createdAt", "expiresAt") VALUES ($1, 'x@example.com', $2, now(), now() + interval '31 days')`,
          [inviter.id, "b".repeat(64)],
        ),
      ).rejects.toThrow(/TeacherInvitation_expires_after_30_days/);
      await expect(
        c.query(
          `INSERT INTO "TeacherInvitation" ("inviterId", "inviteeEmail", "tokenHash", "createdAt", "expiresAt") VALUES ($1, 'x@example.com', 'plain-token', now(), now() + interval '30 days')`,
          [inviter.id],
        ),
      ).rejects.toThrow(/TeacherInvitation_token_hash_hex/);
    });
  });

  it.each([
    [{}, "Invitee email is required."],
    [{ inviteeEmail: "  " }, "Invitee email is required."],
    [{ inviteeEmail: "not-an-email" }, "Enter a valid email address."],
    [{ inviteeEmail: 7 }, "Invitee email must be text."],
    [{ inviteeEmail: "ok@example.com", personalMessage: "m".repeat(501) }, "Personal message must be at most 500 characters."],
    [{ inviteeEmail: "ok@example.com", personalMessage: "a\u0000b" }, "Personal message contains a character that is not allowed."],
  ])("refuses bad input %j with one sentence", async (input, message) => {
    const inviter = await makeInviter(testDb());
    expect(await refusal(sendInvitation(input, testContext({ actor: inviter, db: testDb() })))).toMatchObject({ status: 400, message });
  });

  it("lower-cases the email's domain, as sign-up does", async () => {
    const local = uniq("Mixed");
    const { email } = await invited({ email: `${local}@EXAMPLE.com` });
    expect(email).toBe(`${local}@example.com`);
  });
});

describe("getInvitationByToken", () => {
  it("shows the inviter and message of a pending invitation", async () => {
    const { db, inviter, token, email } = await invited({ message: "Hello!" });
    await db.profile.update({ where: { userId: inviter.id }, data: { displayName: "Ms Teacher" } });
    const view = await getInvitationByToken({ token }, testContext({ db }));
    expect(view).toMatchObject({ status: "pending", inviteeEmail: email, personalMessage: "Hello!", inviter: { username: inviter.username, displayName: "Ms Teacher" } });
    expect(JSON.stringify(view)).not.toMatch(/tokenHash/);
  });

  it("unknown and malformed tokens are 404 'This invitation link is not valid.'; a missing one is a 400", async () => {
    const db = testDb();
    for (const token of ["A".repeat(43), "short", "x".repeat(150)]) {
      expect(await refusal(getInvitationByToken({ token }, testContext({ db })))).toMatchObject({ status: 404, message: "This invitation link is not valid." });
    }
    expect(await refusal(getInvitationByToken({}, testContext({ db })))).toMatchObject({ status: 400, message: "The invitation token is required." });
  });

  it("marks an expired pending invitation as expired on sight (once, audited)", async () => {
    const { db, token, id } = await invited();
    await ageInvitation(id, 31);
    expect((await getInvitationByToken({ token }, testContext({ db }))).status).toBe("expired");
    expect((await db.teacherInvitation.findUniqueOrThrow({ where: { id } })).status).toBe("expired");
    expect((await getInvitationByToken({ token }, testContext({ db }))).status).toBe("expired");
    expect(await db.auditLog.count({ where: { action: "invitation.expired", targetId: id } })).toBe(1);
  });

  it("expireOverdueInvitations is a job with its own input: one invitation, one inviter's or all; anything else a 400", async () => {
    const { db, inviter, id } = await invited();
    const job = testContext({ db });
    await ageInvitation(id, 31);
    expect(await expireOverdueInvitations({ inviterId: inviter.id }, job)).toEqual([id]);
    expect(await expireOverdueInvitations({ invitationId: id }, job)).toEqual([]);
    for (const bad of [undefined, "some", { invitationId: "1" }, { invitationId: 1, inviterId: 2 }, { inviterId: -1 }]) {
      expect(await refusal(expireOverdueInvitations(bad, job))).toMatchObject({ status: 400 });
    }
  });

  it("the member's use cases read the actor from ctx: without one they are the contract's 401 and change nothing", async () => {
    const { db, token, id } = await invited();
    const anonymous = testContext({ db });
    for (const call of [
      () => sendInvitation({ inviteeEmail: freshEmail() }, anonymous),
      () => acceptInvitation({ token }, anonymous),
      () => cancelInvitation({ invitationId: id }, anonymous),
      () => listMyInvitations({}, anonymous),
      () => acceptInvitationOnBehalf({ invitationId: id }, anonymous),
      () => listInvitations({}, anonymous),
    ]) {
      expect((await refusal(call())).status).toBe(401);
    }
    expect((await getInvitationByToken({ token }, anonymous)).status).toBe("pending");
  });
});

describe("acceptInvitation", () => {
  it.each([
    ["explorer", "both"],
    ["guide", "guide"],
    ["both", "guide"],
  ] as const)("turns a %s invitee (email in another case) into %s, active guide, cannot invite; once", async (before, after) => {
    const db = testDb();
    const local = uniq("acc");
    const { token, id, inviter } = await invited({ email: `${local}@example.com` });
    const invitee = await makeUser(db, { role: before, canInviteTeachers: true });
    await db.user.update({ where: { id: invitee.id }, data: { email: `${local.toUpperCase()}@example.com` } });
    const result = await acceptInvitation({ token }, testContext({ actor: invitee, db }));
    expect(result.profile).toEqual({ role: after, activeGuide: true, canInviteTeachers: false });
    expect(await profileOf(db, invitee.id)).toEqual(result.profile);
    expect(result.invitation).toMatchObject({ id, status: "accepted", invitee: { id: invitee.id }, inviter: { id: inviter.id } });
    expect(result.invitation.acceptedAt).toBeInstanceOf(Date);
    expect(await db.auditLog.count({ where: { action: "invitation.accepted", targetId: id, actorId: invitee.id } })).toBe(1);
    expect(await refusal(acceptInvitation({ token }, testContext({ actor: invitee, db })))).toMatchObject({ status: 400, message: "This invitation has already been accepted." });
  });

  it("refuses a signed-in user with another email, changing nothing", async () => {
    const { db, token, id } = await invited();
    const someone = await makeUser(db);
    expect(await refusal(acceptInvitation({ token }, testContext({ actor: someone, db })))).toMatchObject({
      status: 400,
      code: "invitation_other_email",
    });
    expect((await db.teacherInvitation.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
    expect(await profileOf(db, someone.id)).toMatchObject({ role: "explorer", activeGuide: false });
  });

  it("refuses a cancelled invitation (the old system's defect)", async () => {
    const { db, inviter, token, id, email } = await invited();
    await cancelInvitation({ invitationId: id }, testContext({ actor: inviter, db }));
    const invitee = await makeUser(db);
    await db.user.update({ where: { id: invitee.id }, data: { email } });
    expect(await refusal(acceptInvitation({ token }, testContext({ actor: invitee, db })))).toMatchObject({ status: 400, message: "This invitation was cancelled." });
    expect(await profileOf(db, invitee.id)).toMatchObject({ activeGuide: false });
  });

  it("refuses an expired invitation and marks it expired", async () => {
    const { db, token, id, email } = await invited();
    await ageInvitation(id, 30);
    const invitee = await makeUser(db);
    await db.user.update({ where: { id: invitee.id }, data: { email } });
    expect(await refusal(acceptInvitation({ token }, testContext({ actor: invitee, db })))).toMatchObject({ status: 400, message: "This invitation has expired." });
    expect((await db.teacherInvitation.findUniqueOrThrow({ where: { id } })).status).toBe("expired");
  });

  it("an unknown token is a 404", async () => {
    const user = await makeUser(testDb());
    expect(await refusal(acceptInvitation({ token: "Z".repeat(43) }, testContext({ actor: user, db: testDb() })))).toMatchObject({ status: 404 });
  });

  it("staff accept on behalf of the registered user whose email matches, audited as staff", async () => {
    const { db, id, email } = await invited();
    const staff = await makeStaff(db);
    expect(await refusal(acceptInvitationOnBehalf({ invitationId: id }, testContext({ actor: staff, db })))).toMatchObject({
      message: "No registered user has the email this invitation was sent to.",
    });
    const invitee = await makeUser(db);
    await db.user.update({ where: { id: invitee.id }, data: { email: email.toUpperCase().replace("@EXAMPLE.COM", "@example.com") } });
    const notStaff = await makeUser(db);
    expect(await refusal(acceptInvitationOnBehalf({ invitationId: id }, testContext({ actor: notStaff, db })))).toMatchObject({ status: 403 });
    // The address changed, so it is not proven: a squatter's account is never promoted (issue 11).
    expect(await refusal(acceptInvitationOnBehalf({ invitationId: id }, testContext({ actor: staff, db })))).toMatchObject({ status: 400, message: INVITEE_UNVERIFIED });
    expect((await db.teacherInvitation.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
    await db.user.update({ where: { id: invitee.id }, data: { emailVerifiedAt: new Date() } });
    const result = await acceptInvitationOnBehalf({ invitationId: id }, testContext({ actor: staff, db }));
    expect(result.invitation).toMatchObject({ status: "accepted", invitee: { id: invitee.id } });
    expect(await profileOf(db, invitee.id)).toEqual({ role: "both", activeGuide: true, canInviteTeachers: false });
    expect(await db.auditLog.count({ where: { action: "invitation.accepted_on_behalf", targetId: id, actorId: staff.id } })).toBe(1);
  });
});

describe("cancelInvitation", () => {
  it("the inviter cancels a pending invitation; then the link says cancelled", async () => {
    const { db, inviter, token, id } = await invited();
    const view = await cancelInvitation({ invitationId: String(id) }, testContext({ actor: inviter, db }));
    expect(view.status).toBe("cancelled");
    expect((await getInvitationByToken({ token }, testContext({ db }))).status).toBe("cancelled");
    expect(await refusal(cancelInvitation({ invitationId: id }, testContext({ actor: inviter, db })))).toMatchObject({ status: 400, message: "This invitation was cancelled." });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "invitation.cancelled", targetId: id } })).toMatchObject({
      actorId: inviter.id,
      details: { byStaff: false },
    });
  });

  it("someone else's invitation is 'Not found.'; staff may cancel any pending one", async () => {
    const { db, id } = await invited();
    const stranger = await makeInviter(db);
    expect(await refusal(cancelInvitation({ invitationId: id }, testContext({ actor: stranger, db })))).toMatchObject({ status: 404, message: "Not found." });
    expect(await refusal(cancelInvitation({ invitationId: id }, testContext({ actor: { ...stranger, isStaff: true }, db })))).toMatchObject({ status: 404 });
    const staff = await makeStaff(db);
    expect((await cancelInvitation({ invitationId: id }, testContext({ actor: staff, db }))).status).toBe("cancelled");
    expect((await db.auditLog.findFirstOrThrow({ where: { action: "invitation.cancelled", targetId: id } })).details).toEqual({ byStaff: true });
  });

  it("only while pending: accepted and expired invitations cannot be cancelled", async () => {
    const a = await invited();
    const invitee = await makeUser(a.db);
    await a.db.user.update({ where: { id: invitee.id }, data: { email: a.email } });
    await acceptInvitation({ token: a.token }, testContext({ actor: invitee, db: a.db }));
    expect(await refusal(cancelInvitation({ invitationId: a.id }, testContext({ actor: a.inviter, db: a.db })))).toMatchObject({ message: "This invitation has already been accepted." });

    const b = await invited();
    await ageInvitation(b.id, 40);
    expect(await refusal(cancelInvitation({ invitationId: b.id }, testContext({ actor: b.inviter, db: b.db })))).toMatchObject({ message: "This invitation has expired." });
    expect((await b.db.teacherInvitation.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("expired");
    expect(await refusal(cancelInvitation({ invitationId: 2_000_000_000 }, testContext({ actor: b.inviter, db: b.db })))).toMatchObject({ status: 404 });
  });
});

describe("registerAndAcceptInvitation", () => {
  it("creates the user (with the invitation's email) and its profile and accepts, in one step", async () => {
    const { db, token, id, email } = await invited();
    const username = uniq("newguide");
    const result = await registerAndAcceptInvitation({ token, username, password: STRONG_PASSWORD, bio: "Hi", email: "ignored@example.com" }, testContext({ db }));
    expect(result.user.username).toBe(username);
    expect(result.profile).toEqual({ role: "both", activeGuide: true, canInviteTeachers: false });
    const user = await db.user.findUniqueOrThrow({ where: { id: result.user.id }, include: { profile: true } });
    expect(user.email).toBe(email);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.profile).toMatchObject({ bio: "Hi", role: "both", activeGuide: true });
    expect(result.invitation).toMatchObject({ id, status: "accepted", invitee: { id: user.id } });
  });

  it("uses the sign-up rules and messages", async () => {
    const { db, token, id } = await invited();
    const taken = await makeUser(db);
    expect(await refusal(registerAndAcceptInvitation({ token, username: taken.username.toUpperCase(), password: STRONG_PASSWORD }, testContext({ db })))).toMatchObject({
      message: "Username already taken.",
    });
    expect(await refusal(registerAndAcceptInvitation({ token, username: uniq("u"), password: "123" }, testContext({ db })))).toMatchObject({ status: 400, code: "invalid" });
    expect(await refusal(registerAndAcceptInvitation({ token, username: "", password: STRONG_PASSWORD }, testContext({ db })))).toMatchObject({
      message: "Username, email, and password are required.",
    });
    expect((await db.teacherInvitation.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
  });

  it("refuses when the email registered meanwhile ('Email already registered.') and leaves the invitation pending", async () => {
    const { db, token, id, email } = await invited();
    await registerUser({ username: uniq("first"), email, password: STRONG_PASSWORD }, testContext({ db }));
    expect(await refusal(registerAndAcceptInvitation({ token, username: uniq("second"), password: STRONG_PASSWORD }, testContext({ db })))).toMatchObject({
      message: "Email already registered.",
    });
    expect((await db.teacherInvitation.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
  });

  it("creates no user when the invitation is not pending, and none when it stops being pending before the commit", async () => {
    const { db, inviter, token, id, email } = await invited();
    await cancelInvitation({ invitationId: id }, testContext({ actor: inviter, db }));
    const username = uniq("nouser");
    expect(await refusal(registerAndAcceptInvitation({ token, username, password: STRONG_PASSWORD }, testContext({ db })))).toMatchObject({
      message: "This invitation was cancelled.",
    });
    expect(await db.user.count({ where: { username } })).toBe(0);

    // The pre-check passes, then the invitation is cancelled inside the window before the
    // transaction's conditional update: a trigger on the User insert cancels it.
    const b = await invited();
    const username2 = uniq("rolledback");
    await withPg(async (c) => {
      await c.query(`CREATE OR REPLACE FUNCTION test_cancel_on_signup() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.username = '${username2}' THEN UPDATE "TeacherInvitation" SET status = 'cancelled' WHERE id = ${b.id}; END IF; RETURN NEW; END $$`);
      await c.query(`CREATE TRIGGER test_cancel_on_signup AFTER INSERT ON "User" FOR EACH ROW EXECUTE FUNCTION test_cancel_on_signup()`);
    });
    try {
      expect(await refusal(registerAndAcceptInvitation({ token: b.token, username: username2, password: STRONG_PASSWORD }, testContext({ db })))).toMatchObject({
        message: "This invitation was cancelled.",
      });
    } finally {
      await withPg(async (c) => {
        await c.query(`DROP TRIGGER test_cancel_on_signup ON "User"`);
        await c.query(`DROP FUNCTION test_cancel_on_signup()`);
      });
    }
    // All or nothing: the user rolled back, and so did the trigger's cancel.
    expect(await db.user.count({ where: { username: username2 } })).toBe(0);
    expect((await db.teacherInvitation.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("pending");
    void email;
  });

  it("refuses an expired invitation and marks it", async () => {
    const { db, token, id } = await invited();
    await ageInvitation(id, 31);
    expect(await refusal(registerAndAcceptInvitation({ token, username: uniq("late"), password: STRONG_PASSWORD }, testContext({ db })))).toMatchObject({
      message: "This invitation has expired.",
    });
    expect((await db.teacherInvitation.findUniqueOrThrow({ where: { id } })).status).toBe("expired");
  });
});

describe("listing and the invite permission", () => {
  it("listMyInvitations marks the inviter's overdue invitations expired and reports the month", async () => {
    const { db, inviter, id } = await invited();
    await ageInvitation(id, 31);
    const mine = await listMyInvitations({}, testContext({ actor: inviter, db }));
    expect(mine.invitations.map((i) => [i.id, i.status])).toEqual([[id, "expired"]]);
    expect(mine).toMatchObject({ monthlyCount: 0, remainingThisMonth: 3, canInvite: true });
    const plain = await makeUser(db);
    expect(await listMyInvitations({}, testContext({ actor: plain, db }))).toMatchObject({ invitations: [], monthlyCount: 0, remainingThisMonth: 3, canInvite: false });
  });

  it("staff list filters by status and inviter and searches by email; others are refused", async () => {
    const { db, inviter, email, id } = await invited();
    const staff = await makeStaff(db);
    const byInviter = await listInvitations({ inviter: inviter.username.toUpperCase() }, testContext({ actor: staff, db }));
    expect(byInviter.items.map((i) => i.id)).toEqual([id]);
    expect((await listInvitations({ inviter: String(inviter.id) }, testContext({ actor: staff, db }))).items.map((i) => i.id)).toEqual([id]);
    expect((await listInvitations({ email: email.slice(0, 12).toUpperCase() }, testContext({ actor: staff, db }))).items.map((i) => i.id)).toContain(id);
    expect((await listInvitations({ status: "accepted", inviter: inviter.username }, testContext({ actor: staff, db }))).items).toEqual([]);
    expect(await refusal(listInvitations({}, testContext({ actor: inviter, db })))).toMatchObject({ status: 403 });
    expect(await refusal(listInvitations({ status: "nope" }, testContext({ actor: staff, db })))).toMatchObject({ status: 400 });
  });

  it("setCanInviteTeachers: staff only, audited, takes effect on the next send", async () => {
    const db = testDb();
    const [staff, user] = [await makeStaff(db), await makeUser(db)];
    expect(await refusal(setCanInviteTeachers({ userId: user.id, canInviteTeachers: true, reason: "Test" }, staffContext(user, db)))).toMatchObject({ status: 403 });
    expect(await setCanInviteTeachers({ userId: user.id, canInviteTeachers: "true", reason: "Test" }, staffContext(staff, db))).toEqual({ userId: user.id, username: user.username, canInviteTeachers: true, changed: true });
    expect((await sendInvitation({ inviteeEmail: freshEmail() }, testContext({ actor: user, db }))).remainingThisMonth).toBe(2);
    await setCanInviteTeachers({ userId: user.id, canInviteTeachers: false, reason: "Test" }, staffContext(staff, db));
    expect((await refusal(sendInvitation({ inviteeEmail: freshEmail() }, testContext({ actor: user, db })))).status).toBe(403);
    const actions = await db.auditLog.findMany({ where: { targetType: "User", targetId: user.id }, orderBy: { id: "asc" } });
    expect(actions.map((a) => [a.action, a.actorId])).toEqual([
      ["profile.invite_permission_granted", staff.id],
      ["profile.invite_permission_revoked", staff.id],
    ]);
    expect(await refusal(setCanInviteTeachers({ userId: 2_000_000_000, canInviteTeachers: true, reason: "Test" }, staffContext(staff, db)))).toMatchObject({ status: 404 });
    expect(await refusal(setCanInviteTeachers({ userId: user.id, canInviteTeachers: "maybe", reason: "Test" }, staffContext(staff, db)))).toMatchObject({ status: 400 });
  });
});
