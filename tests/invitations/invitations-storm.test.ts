import { describe, expect, it } from "vitest";
import { baseUrl, testDb } from "../support/helpers";
import { apiInviter, freshEmail, memberWithEmail, pendingInvitation, withKey } from "../support/invite";
import { storm, type StormRequest } from "../support/storm";
import { profileOf } from "../support/teach";

// The invitation races the old system lost, over HTTP: real simultaneous requests from
// 5 OS processes against the production server, authenticated by API tokens.

const PROCESSES = 5;

/** storm() returns each process's answers in turn; this puts them back in request order. */
function inRequestOrder<T>(results: T[], n: number, processes = PROCESSES): T[] {
  const order = Array.from({ length: processes }, (_, p) => [...Array(n).keys()].filter((i) => i % processes === p)).flat();
  const out = new Array<T>(n);
  order.forEach((requestIndex, k) => (out[requestIndex] = results[k]));
  return out;
}

/** "<status> <detail>" → how many. */
function tally(results: { status: number; body: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    let detail = r.body;
    try {
      detail = String(JSON.parse(r.body).detail);
    } catch {
      // keep the raw body
    }
    const key = `${r.status} ${detail}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const auth = (key: string) => ({ authorization: `Token ${key}` });

describe("invitation races over HTTP, from 5 processes", () => {
  it("10 simultaneous sends by one inviter: exactly 3 × 201", async () => {
    const db = testDb();
    const inviter = await apiInviter(db);
    const requests: StormRequest[] = Array.from({ length: 10 }, () => ({
      path: "/api/users/invitations/send/",
      body: { invitee_email: freshEmail("burst") },
      headers: auth(inviter.key),
    }));
    const started = Date.now();
    const { results, pids } = await storm(baseUrl(), requests, PROCESSES);
    const counts = tally(results);
    console.log(`10 simultaneous sends by one inviter (${pids} processes, ${Date.now() - started} ms incl. process start):`, counts);
    expect(counts).toEqual({ "201 Invitation sent.": 3, "403 You've reached your monthly limit of 3 invitations": 7 });
    expect(await db.teacherInvitation.count({ where: { inviterId: inviter.id } })).toBe(3);
    const remaining = results.filter((r) => r.status === 201).map((r) => JSON.parse(r.body).remaining_invitations as number);
    expect(remaining.sort()).toEqual([0, 1, 2]);
    expect(await db.outbox.count({ where: { to: { in: requests.map((r) => (r.body as { invitee_email: string }).invitee_email) } } })).toBe(3);
  });

  it("the same invitation accepted 10 times at once (twice from each process): one success", async () => {
    const db = testDb();
    const inv = await pendingInvitation(db);
    const invitee = await memberWithEmail(db, inv.email);
    const requests: StormRequest[] = Array.from({ length: 10 }, () => ({
      path: "/api/users/invitations/accept/",
      body: { token: inv.token },
      headers: auth(invitee.key),
    }));
    const { results } = await storm(baseUrl(), requests, PROCESSES);
    const counts = tally(results);
    console.log("10 simultaneous accepts of one invitation:", counts);
    expect(counts).toEqual({ "200 Invitation accepted.": 1, "400 This invitation has already been accepted.": 9 });
    expect(await db.teacherInvitation.findUniqueOrThrow({ where: { id: inv.id } })).toMatchObject({ status: "accepted", inviteeId: invitee.id });
    expect(await profileOf(db, invitee.id)).toEqual({ role: "both", activeGuide: true, canInviteTeachers: false });
    expect(await db.auditLog.count({ where: { action: "invitation.accepted", targetId: inv.id } })).toBe(1);
  });

  it("accept racing cancel (10 invitations, each pair from two processes): exactly one wins and the profile matches", async () => {
    const db = testDb();
    const rounds = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const inv = await pendingInvitation(db);
        const [inviter, invitee] = await Promise.all([withKey(db, inv.inviter), memberWithEmail(db, inv.email)]);
        return { ...inv, inviterKey: inviter.key, invitee };
      }),
    );
    // Request 2i (accept) and 2i+1 (cancel) go to different processes (i % 5 differs).
    const requests: StormRequest[] = rounds.flatMap((r) => [
      { path: "/api/users/invitations/accept/", body: { token: r.token }, headers: auth(r.invitee.key) },
      { path: `/api/users/invitations/${r.id}/cancel/`, body: {}, headers: auth(r.inviterKey) },
    ]);
    const { results } = await storm(baseUrl(), requests, PROCESSES);
    const ordered = inRequestOrder(results, requests.length);
    const winners = { accepted: 0, cancelled: 0 };
    for (const [i, r] of rounds.entries()) {
      const [accept, cancel] = [ordered[2 * i], ordered[2 * i + 1]];
      expect([accept.status, cancel.status].filter((s) => s === 200)).toHaveLength(1);
      const row = await db.teacherInvitation.findUniqueOrThrow({ where: { id: r.id } });
      const profile = await profileOf(db, r.invitee.id);
      if (accept.status === 200) {
        winners.accepted++;
        expect(row).toMatchObject({ status: "accepted", inviteeId: r.invitee.id });
        expect(cancel).toEqual({ status: 400, body: '{"detail":"This invitation has already been accepted."}' });
        expect(profile).toEqual({ role: "both", activeGuide: true, canInviteTeachers: false });
      } else {
        winners.cancelled++;
        expect(row).toMatchObject({ status: "cancelled", inviteeId: null, acceptedAt: null });
        expect(accept).toEqual({ status: 400, body: '{"detail":"This invitation was cancelled."}' });
        expect(profile).toEqual({ role: "explorer", activeGuide: false, canInviteTeachers: false });
      }
      const decisions = await db.auditLog.count({ where: { targetId: r.id, action: { in: ["invitation.accepted", "invitation.cancelled"] } } });
      expect(decisions).toBe(1);
    }
    console.log("accept vs cancel over HTTP, 10 invitations, winners:", winners, "responses:", tally(results));
  });
});
