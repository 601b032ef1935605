import { describe, expect, inject, it } from "vitest";
import { acceptInvitation } from "../../lib/invitations/accept";
import { invitationToApi } from "../../lib/invitations/api-shape";
import { getInvitationByToken } from "../../lib/invitations/by-token";
import { cancelInvitation } from "../../lib/invitations/cancel";
import { listInvitations } from "../../lib/invitations/list";
import { deleteOwnAccount } from "../../lib/users/delete-account";
import { domainStorm, tally, type DomainResult } from "../support/domain-storm";
import { refusal, testDb, withPg } from "../support/helpers";
import { freshEmail, pendingInvitation } from "../support/invite";
import { makeInviter, makeStaff, makeUser, profileOf } from "../support/teach";
import { testContext } from "../support/context";

// Deleting an account keeps the invitation history others depend on (issue 10 point 7),
// and a deletion racing an acceptance ends in one consistent state.

const url = () => inject("databaseUrl");

async function inviteeWithEmail(email: string) {
  const db = testDb();
  const user = await makeUser(db);
  await db.user.update({ where: { id: user.id }, data: { email } });
  return { ...user, email };
}

async function usersWithoutOneProfile(): Promise<number> {
  const r = await withPg((c) =>
    c.query(`SELECT count(*)::int AS n FROM "User" u WHERE (SELECT count(*) FROM "Profile" p WHERE p."userId" = u.id) <> 1`),
  );
  return r.rows[0].n;
}

describe("deleting an inviter's account", () => {
  it("keeps their accepted and cancelled invitations without them, removes their pending one, and leaves the invitee as they were", async () => {
    const db = testDb();
    const inviter = await makeInviter(db);
    const accepted = await pendingInvitation(db, { inviter });
    const invitee = await inviteeWithEmail(accepted.email);
    await acceptInvitation({ token: accepted.token }, testContext({ actor: invitee, db }));
    const inviteeProfile = await profileOf(db, invitee.id);
    const cancelled = await pendingInvitation(db, { inviter });
    await cancelInvitation({ invitationId: cancelled.id }, testContext({ actor: inviter, db }));
    const pending = await pendingInvitation(db, { inviter });

    expect(await deleteOwnAccount({}, testContext({ actor: { id: inviter.id, isStaff: false }, db }))).toEqual({ username: inviter.username });

    const rows = await db.teacherInvitation.findMany({
      where: { id: { in: [accepted.id, cancelled.id, pending.id] } },
      select: { id: true, status: true, inviterId: true, inviteeId: true },
      orderBy: { id: "asc" },
    });
    expect(rows).toEqual([
      { id: accepted.id, status: "accepted", inviterId: null, inviteeId: invitee.id },
      { id: cancelled.id, status: "cancelled", inviterId: null, inviteeId: null },
    ]);
    expect(await profileOf(db, invitee.id)).toEqual(inviteeProfile);
    expect(inviteeProfile).toMatchObject({ role: "both", activeGuide: true });

    // Every reader copes with the missing inviter.
    const staff = await makeStaff(db);
    const listed = await listInvitations({ email: accepted.email }, testContext({ actor: staff, db }));
    expect(listed.items.map(invitationToApi)).toEqual([
      expect.objectContaining({ id: accepted.id, inviter: null, inviter_username: null, invitee: invitee.id, status: "accepted" }),
    ]);
    expect(await getInvitationByToken({ token: accepted.token }, testContext({ db }))).toMatchObject({ status: "accepted", inviter: null });
    // Nobody's to cancel: another member gets "Not found.", staff the status sentence.
    const other = await makeInviter(db);
    expect((await refusal(cancelInvitation({ invitationId: cancelled.id }, testContext({ actor: other, db })))).message).toBe("Not found.");
    expect((await refusal(cancelInvitation({ invitationId: accepted.id }, testContext({ actor: staff, db })))).message).toBe(
      "This invitation has already been accepted.",
    );
    expect(await usersWithoutOneProfile()).toBe(0);
  });

  it("the database refuses a pending invitation without an inviter", async () => {
    const db = testDb();
    const { id } = await pendingInvitation(db);
    const err = await withPg((c) => c.query(`UPDATE "TeacherInvitation" SET "inviterId" = NULL WHERE id = $1`, [id]).then(() => null, (e: Error) => e));
    expect(err?.message).toContain("TeacherInvitation_pending_has_inviter");
  });
});

describe("a delete racing an invitation accept, from several processes", () => {
  const PAIRS = 10;

  /** PAIRS pending invitations, each accepted by its invitee while `who` deletes their account, all at once. */
  async function deleteWhileAccepting(who: "inviter" | "invitee") {
    const pairs = [];
    for (let i = 0; i < PAIRS; i++) {
      const inv = await pendingInvitation(testDb(), { email: freshEmail("race") });
      pairs.push({ ...inv, invitee: await inviteeWithEmail(inv.email) });
    }
    const results = await domainStorm(
      url(),
      pairs.flatMap((p) => [
        { fn: "deleteOwnAccount", actor: { id: p[who].id, isStaff: false } },
        { fn: "acceptInvitation", input: { token: p.token }, actor: { id: p.invitee.id, isStaff: false } },
      ]),
    );
    return { pairs, results };
  }

  it("the inviter deletes their account while the invitee accepts: the invitation is either accepted (and kept, inviter gone) or gone with a 404 (10 pairs)", async () => {
    const db = testDb();
    const { pairs, results } = await deleteWhileAccepting("inviter");
    console.log("inviter deletes vs invitee accepts:", tally(results));
    expect(results.filter((r) => !r.ok && r.status >= 500)).toEqual([]);

    for (const [i, p] of pairs.entries()) {
      const [deleted, accept] = [results[2 * i], results[2 * i + 1]] as DomainResult[];
      expect(deleted.ok).toBe(true);
      expect(await db.user.count({ where: { id: p.inviter.id } })).toBe(0);
      const row = await db.teacherInvitation.findUnique({ where: { id: p.id }, select: { status: true, inviterId: true, inviteeId: true } });
      const profile = await profileOf(db, p.invitee.id);
      if (accept.ok) {
        expect(row).toEqual({ status: "accepted", inviterId: null, inviteeId: p.invitee.id });
        expect(profile).toMatchObject({ role: "both", activeGuide: true });
      } else {
        expect(accept).toMatchObject({ status: 404, message: "This invitation link is not valid." });
        expect(row).toBeNull();
        expect(profile).toMatchObject({ role: "explorer", activeGuide: false });
      }
    }
    expect(await usersWithoutOneProfile()).toBe(0);
  });

  it("the invitee deletes their account while accepting: either the acceptance is kept without them or it was refused, never half-made (10 pairs)", async () => {
    const db = testDb();
    const { pairs, results } = await deleteWhileAccepting("invitee");
    console.log("invitee deletes vs invitee accepts:", tally(results));
    expect(results.filter((r) => !r.ok && r.status >= 500)).toEqual([]);

    for (const [i, p] of pairs.entries()) {
      const [deleted, accept] = [results[2 * i], results[2 * i + 1]] as DomainResult[];
      expect(deleted.ok).toBe(true);
      expect(await db.user.count({ where: { id: p.invitee.id } })).toBe(0);
      const row = await db.teacherInvitation.findUnique({ where: { id: p.id }, select: { status: true, inviterId: true, inviteeId: true } });
      // The accepted row no longer points at the deleted invitee; a refused one is still pending.
      expect(row).toEqual({ status: accept.ok ? "accepted" : "pending", inviterId: p.inviter.id, inviteeId: null });
      if (!accept.ok) expect(accept).toMatchObject({ status: 401, message: "Authentication credentials were not provided." });
    }
    expect(await usersWithoutOneProfile()).toBe(0);
  });
});
