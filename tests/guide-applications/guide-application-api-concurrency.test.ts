import { describe, expect, it } from "vitest";
import { apiLogin, makeStaff, registeredUser, sessionCookie } from "../support/auth";
import { baseUrl, testDb } from "../support/helpers";
import { profileOf } from "../support/teach";
import { countBy, storm, type StormRequest } from "../support/storm";

// The guide-application races through the old API, from 5 OS processes at one instant
// against the production server: what the old system lost under several workers.

const PROCESSES = 5;

async function withToken() {
  const user = await registeredUser();
  const login = await apiLogin({ username: user.username, password: user.password });
  expect(login.status).toBe(200);
  return { ...user, id: login.json!.id as number, token: login.json!.token as string };
}

/** storm() returns each process's share in turn; this puts results back in request order. */
function inRequestOrder<T>(results: T[], count: number, processes = PROCESSES): T[] {
  const order = Array.from({ length: processes }, (_, p) => Array.from({ length: count }, (_, i) => i).filter((i) => i % processes === p)).flat();
  const sorted: T[] = new Array(count);
  order.forEach((requestIndex, k) => (sorted[requestIndex] = results[k]));
  return sorted;
}

describe("guide applications through the API, from several processes at once", () => {
  it("the same user submitting 20 applications at once: one 201, nineteen 400, one row", async () => {
    const user = await withToken();
    const requests: StormRequest[] = Array.from({ length: 20 }, (_, i) => ({
      path: i % 2 ? "/api/users/guide-application" : "/api/users/guide-application/",
      headers: { authorization: `Token ${user.token}` },
      body: { motivation: `Attempt ${i}`, subjects_to_teach: "Maths" },
    }));
    const { results, pids } = await storm(baseUrl(), requests, PROCESSES);
    const byStatus = countBy(results.map((r) => ({ status: r.status, body: r.status === 201 ? "(created)" : r.body })));
    console.log(`20 simultaneous submissions by one user from ${pids} processes:`, byStatus);
    expect(byStatus).toEqual({ "201 (created)": 1, '400 {"detail":"You already have a pending application."}': 19 });
    expect(await testDb().guideApplication.count({ where: { userId: user.id } })).toBe(1);
    const created = JSON.parse(results.find((r) => r.status === 201)!.body);
    expect(created).toMatchObject({ user: user.id, status: "pending" });
  });

  it("two staff approving and rejecting the same application at once (10 applications): exactly one wins each, the profile matches", async () => {
    const [staffA, staffB] = [await withToken(), await withToken()];
    await makeStaff(staffA.username);
    await makeStaff(staffB.username);
    // Staff A decides through a browser session (same-site POST), staff B with a token.
    const cookieA = await sessionCookie(staffA.username, staffA.password);
    const rounds = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const applicant = await withToken();
        const res = await fetch(`${baseUrl()}/api/users/guide-application/`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Token ${applicant.token}` },
          body: JSON.stringify({ motivation: "Let me teach.", subjects_to_teach: "History" }),
        });
        expect(res.status).toBe(201);
        return { applicant, applicationId: ((await res.json()) as { id: number }).id };
      }),
    );
    const requests = rounds.flatMap(({ applicationId }): StormRequest[] => [
      { path: `/api/users/guide-applications/${applicationId}/approve/`, headers: { cookie: cookieA, origin: baseUrl() }, body: {} },
      { path: `/api/users/guide-applications/${applicationId}/reject`, headers: { authorization: `Token ${staffB.token}` }, body: { admin_notes: "no" } },
    ]);
    const { results } = await storm(baseUrl(), requests, PROCESSES);
    const ordered = inRequestOrder(results, requests.length);

    const winners = { approved: 0, rejected: 0 };
    for (const [i, { applicant, applicationId }] of rounds.entries()) {
      const [approve, reject] = [ordered[2 * i], ordered[2 * i + 1]];
      const row = await testDb().guideApplication.findUniqueOrThrow({ where: { id: applicationId } });
      const profile = await profileOf(testDb(), applicant.id);
      expect([approve.status, reject.status].filter((s) => s === 200)).toHaveLength(1);
      const loser = approve.status === 200 ? reject : approve;
      expect(loser.status).toBe(409);
      expect(loser.body).toBe(JSON.stringify({ detail: `This application was already ${row.status}.` }));
      if (approve.status === 200) {
        winners.approved++;
        expect(JSON.parse(approve.body)).toMatchObject({ id: applicationId, status: "approved", reviewed_by: staffA.id });
        expect(row).toMatchObject({ status: "approved", reviewedById: staffA.id, adminNotes: null });
        expect(profile).toEqual({ role: "both", activeGuide: true, canInviteTeachers: false });
      } else {
        winners.rejected++;
        expect(JSON.parse(reject.body)).toMatchObject({ id: applicationId, status: "rejected", reviewed_by: staffB.id, admin_notes: "no" });
        expect(row).toMatchObject({ status: "rejected", reviewedById: staffB.id, adminNotes: "no" });
        expect(profile).toEqual({ role: "explorer", activeGuide: false, canInviteTeachers: false });
      }
      const decisions = await testDb().auditLog.count({
        where: { targetType: "GuideApplication", targetId: applicationId, action: { in: ["guide_application.approved", "guide_application.rejected"] } },
      });
      expect(decisions).toBe(1);
    }
    const statuses = countBy(results.map((r) => ({ status: r.status, body: r.status === 200 ? "(decided)" : r.body })));
    console.log("approve vs reject through the API, 10 applications, winners:", winners, "responses:", statuses);
  });
});
