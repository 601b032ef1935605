import { describe, expect, inject, it } from "vitest";
import { submitGuideApplication } from "../../lib/guide-applications/submit";
import { sendInvitation } from "../../lib/invitations/send";
import { STRONG_PASSWORD, testDb, uniq, withPg } from "../support/helpers";
import { domainStorm, tally } from "../support/domain-storm";
import { makeInviter, makeStaff, makeUser, profileOf, tokenFromMailbox } from "../support/teach";
import { testContext } from "../support/context";

// The races the old system lost, fired from 5 OS processes (each its own pool of
// connections) at one instant, straight at the domain functions.

const url = () => inject("databaseUrl");
const application = { motivation: "I want to teach.", subjectsToTeach: "Maths" };

async function invitation() {
  const db = testDb();
  const inviter = await makeInviter(db);
  const email = `${uniq("race")}@example.com`;
  const sent = await sendInvitation({ inviteeEmail: email }, testContext({ actor: inviter, db }));
  return { db, inviter, email, id: sent.invitation.id, token: await tokenFromMailbox(db, email) };
}

async function inviteeWithEmail(email: string) {
  const db = testDb();
  const user = await makeUser(db);
  await db.user.update({ where: { id: user.id }, data: { email } });
  return user;
}

describe("races from several processes", () => {
  it("the same user submitting 20 applications at once: exactly one is created", async () => {
    const db = testDb();
    const user = await makeUser(db);
    const results = await domainStorm(url(), Array.from({ length: 20 }, () => ({ fn: "submitGuideApplication", input: application, actor: user })));
    const counts = tally(results);
    console.log("20 simultaneous applications by one user:", counts);
    expect(counts).toEqual({ ok: 1, "400 You already have a pending application.": 19 });
    expect(await db.guideApplication.count({ where: { userId: user.id } })).toBe(1);
  });

  it("two staff approving and rejecting the same application at once: one decision wins, the profile matches (10 rounds)", async () => {
    const db = testDb();
    const [staffA, staffB] = [await makeStaff(db), await makeStaff(db)];
    const rounds = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const user = await makeUser(db);
        const app = await submitGuideApplication(application, testContext({ actor: user, db }));
        return { user, app };
      }),
    );
    const calls = rounds.flatMap(({ app }) => [
      { fn: "approveGuideApplication", input: { applicationId: app.id }, actor: staffA },
      { fn: "rejectGuideApplication", input: { applicationId: app.id, adminNotes: "no" }, actor: staffB },
    ]);
    const results = await domainStorm(url(), calls, 5);
    const winners = { approved: 0, rejected: 0 };
    for (const [i, { user, app }] of rounds.entries()) {
      const [approve, reject] = [results[2 * i], results[2 * i + 1]];
      expect([approve.ok, reject.ok].filter(Boolean)).toHaveLength(1);
      const loser = approve.ok ? reject : approve;
      const row = await db.guideApplication.findUniqueOrThrow({ where: { id: app.id } });
      const profile = await profileOf(db, user.id);
      expect(loser).toMatchObject({ ok: false, status: 409, message: `This application was already ${row.status}.` });
      if (approve.ok) {
        winners.approved++;
        expect(row).toMatchObject({ status: "approved", reviewedById: staffA.id });
        expect(profile).toEqual({ role: "both", activeGuide: true, canInviteTeachers: false });
      } else {
        winners.rejected++;
        expect(row).toMatchObject({ status: "rejected", reviewedById: staffB.id, adminNotes: "no" });
        expect(profile).toEqual({ role: "explorer", activeGuide: false, canInviteTeachers: false });
      }
      const decisions = await db.auditLog.count({ where: { targetType: "GuideApplication", targetId: app.id, action: { in: ["guide_application.approved", "guide_application.rejected"] } } });
      expect(decisions).toBe(1);
    }
    console.log("approve vs reject, 10 applications, winners:", winners, "responses:", tally(results));
  });

  it("10 simultaneous sends by one inviter: exactly 3 succeed", async () => {
    const db = testDb();
    const inviter = await makeInviter(db);
    const calls = Array.from({ length: 10 }, () => ({ fn: "sendInvitation", input: { inviteeEmail: `${uniq("burst")}@example.com` }, actor: inviter }));
    const results = await domainStorm(url(), calls, 5);
    const counts = tally(results);
    console.log("10 simultaneous sends by one inviter:", counts);
    expect(counts).toEqual({ ok: 3, "403 You've reached your monthly limit of 3 invitations": 7 });
    expect(await db.teacherInvitation.count({ where: { inviterId: inviter.id } })).toBe(3);
    const remaining = results.filter((r) => r.ok).map((r) => (r as { value: { remainingThisMonth: number } }).value.remainingThisMonth);
    expect(remaining.sort()).toEqual([0, 1, 2]);
  });

  it("10 simultaneous sends by one inviter to one email (any case): one pending invitation", async () => {
    const db = testDb();
    const inviter = await makeInviter(db);
    const email = `${uniq("same")}@example.com`;
    const calls = Array.from({ length: 10 }, (_, i) => ({ fn: "sendInvitation", input: { inviteeEmail: i % 2 ? email.toUpperCase().replace("@EXAMPLE.COM", "@example.com") : email }, actor: inviter }));
    const counts = tally(await domainStorm(url(), calls, 5));
    console.log("10 simultaneous sends to one email:", counts);
    expect(counts).toEqual({ ok: 1, "400 You already have a pending invitation for this email.": 9 });
  });

  it("the same invitation accepted 10 times at once (twice from each process): one success", async () => {
    const { db, email, id, token } = await invitation();
    const invitee = await inviteeWithEmail(email);
    const results = await domainStorm(url(), Array.from({ length: 10 }, () => ({ fn: "acceptInvitation", input: { token }, actor: invitee })), 5);
    const counts = tally(results);
    console.log("10 simultaneous accepts of one invitation:", counts);
    expect(counts).toEqual({ ok: 1, "400 This invitation has already been accepted.": 9 });
    expect(await db.teacherInvitation.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "accepted", inviteeId: invitee.id });
    expect(await db.auditLog.count({ where: { action: "invitation.accepted", targetId: id } })).toBe(1);
  });

  it("accept racing cancel (10 invitations): exactly one wins each time and the profile matches", async () => {
    const db = testDb();
    const rounds = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const inv = await invitation();
        return { ...inv, invitee: await inviteeWithEmail(inv.email) };
      }),
    );
    const calls = rounds.flatMap((r) => [
      { fn: "acceptInvitation", input: { token: r.token }, actor: r.invitee },
      { fn: "cancelInvitation", input: { invitationId: r.id }, actor: r.inviter },
    ]);
    const results = await domainStorm(url(), calls, 5);
    const winners = { accepted: 0, cancelled: 0 };
    for (const [i, r] of rounds.entries()) {
      const [accept, cancel] = [results[2 * i], results[2 * i + 1]];
      expect([accept.ok, cancel.ok].filter(Boolean)).toHaveLength(1);
      const row = await db.teacherInvitation.findUniqueOrThrow({ where: { id: r.id } });
      const profile = await profileOf(db, r.invitee.id);
      if (accept.ok) {
        winners.accepted++;
        expect(row.status).toBe("accepted");
        expect(cancel).toMatchObject({ ok: false, message: "This invitation has already been accepted." });
        expect(profile).toEqual({ role: "both", activeGuide: true, canInviteTeachers: false });
      } else {
        winners.cancelled++;
        expect(row.status).toBe("cancelled");
        expect(accept).toMatchObject({ ok: false, message: "This invitation was cancelled." });
        expect(profile).toEqual({ role: "explorer", activeGuide: false, canInviteTeachers: false });
      }
    }
    console.log("accept vs cancel, 10 invitations, winners:", winners);
  });

  it("sign-up from the invitation racing a plain sign-up with the same email (10 rounds): one account, consistent invitation", async () => {
    const db = testDb();
    const rounds = await Promise.all(Array.from({ length: 10 }, () => invitation()));
    const calls = rounds.flatMap((r, i) => [
      { fn: "registerAndAcceptInvitation", input: { token: r.token, username: uniq("viainvite"), password: STRONG_PASSWORD } },
      // Half the plain sign-ups shout the local part: the same address in any case.
      { fn: "registerUser", input: { username: uniq("plain"), email: i % 2 ? r.email.replace(/^[^@]+/, (s) => s.toUpperCase()) : r.email, password: STRONG_PASSWORD } },
    ]);
    const results = await domainStorm(url(), calls, 5);
    const winners = { viaInvitation: 0, plain: 0 };
    for (const [i, r] of rounds.entries()) {
      const [viaInvite, plain] = [results[2 * i], results[2 * i + 1]];
      expect([viaInvite.ok, plain.ok].filter(Boolean)).toHaveLength(1);
      const loser = viaInvite.ok ? plain : viaInvite;
      expect(loser).toMatchObject({ ok: false, status: 400, message: "Email already registered." });
      const users = await withPg((c) => c.query(`SELECT id FROM "User" WHERE lower(email) = lower($1)`, [r.email]));
      expect(users.rowCount).toBe(1);
      const row = await db.teacherInvitation.findUniqueOrThrow({ where: { id: r.id } });
      const profile = await profileOf(db, users.rows[0].id);
      if (viaInvite.ok) {
        winners.viaInvitation++;
        expect(row).toMatchObject({ status: "accepted", inviteeId: users.rows[0].id });
        expect(profile).toMatchObject({ role: "both", activeGuide: true });
      } else {
        winners.plain++;
        expect(row).toMatchObject({ status: "pending", inviteeId: null, acceptedAt: null });
        expect(profile).toMatchObject({ role: "explorer", activeGuide: false });
      }
    }
    // Never a user without a profile, whatever won.
    const orphans = await withPg((c) => c.query(`SELECT count(*)::int AS n FROM "User" u LEFT JOIN "Profile" p ON p."userId" = u.id WHERE p.id IS NULL`));
    expect(orphans.rows[0].n).toBe(0);
    console.log("register-and-accept vs plain sign-up, 10 emails, winners:", winners);
  });
});
