import { beforeAll, describe, expect, inject, it } from "vitest";
import { startViewAs } from "../../lib/admin/view-as";
import { createSession } from "../../lib/auth/credentials/session-rows";
import { setStaff } from "../../lib/admin/set-staff";
import { apiSignedIn, makeStaff, registeredUser } from "../support/auth";
import { http, refusal, testDb, withPg } from "../support/helpers";
import { enrolTotp, mfaToken, totpCode } from "../support/two-factor";
import { staffContext } from "../support/staff-context";

// Issue 20 point 6: with a second factor on, the sensitive actions want one proven on the
// same session or token within the last 10 minutes: a sign-in that passed a second step
// carries it; otherwise a code confirmed in place (API: "code").

const STEP_UP = "Confirm it's you first: enter a code from your authenticator app (or a recovery code) under “Confirm it's you”, or send it as “code”.";
const NEW = "Fresh-Garden-42";

beforeAll(() => {
  process.env.DATABASE_URL = inject("databaseUrl");
});

/** An enrolled account and a token from a sign-in that passed the second step. */
async function enrolledWithFreshToken(opts: { staff?: boolean } = {}) {
  const user = await apiSignedIn(opts);
  const { secret, recoveryCodes } = await enrolTotp(user.token, user.password);
  const done = await http("/api/users/login/2fa/", { body: { mfa_token: await mfaToken(user.username, user.password), code: recoveryCodes[9] } });
  expect(done.status).toBe(200);
  return { ...user, secret, recoveryCodes, fresh: done.json!.token as string, old: user.token };
}

const ageProof = (userId: number) =>
  withPg((c) => c.query(`UPDATE "ApiToken" SET "secondFactorAt" = now() - interval '11 minutes' WHERE "userId" = $1 AND "secondFactorAt" IS NOT NULL`, [userId]));

describe("step-up", () => {
  it("change password: a token from a second-step sign-in may; one without a recent second factor gets 403 until it sends a code", async () => {
    const user = await enrolledWithFreshToken();
    // The token made before enrolling never passed a second factor.
    const refused = await http("/api/users/change-password/", { key: user.old, body: { current_password: user.password, new_password: NEW, confirm_new_password: NEW } });
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({ detail: STEP_UP });
    const wrong = await http("/api/users/change-password/", { key: user.old, body: { current_password: user.password, new_password: NEW, confirm_new_password: NEW, code: "000000" === totpCode(user.secret, 1) ? "111111" : "000000" } });
    expect(wrong.status).toBe(400);
    const withCode = await http("/api/users/change-password/", { key: user.old, body: { current_password: user.password, new_password: NEW, confirm_new_password: NEW, code: user.recoveryCodes[0] } });
    expect(withCode.status, withCode.text).toBe(200);

    // The fresh token was ended by the change (every other token ends); sign in again with the second step.
    const again = await http("/api/users/login/2fa/", { body: { mfa_token: await mfaToken(user.username, NEW), code: user.recoveryCodes[1] } });
    const token = again.json!.token as string;
    const back = await http("/api/users/change-password/", { key: token, body: { current_password: NEW, new_password: user.password, confirm_new_password: user.password } });
    expect(back.status, back.text).toBe(200);
  });

  it("the proof lasts 10 minutes", async () => {
    const user = await enrolledWithFreshToken();
    await ageProof(user.id);
    const stale = await http("/api/users/change-password/", { key: user.fresh, body: { current_password: user.password, new_password: NEW, confirm_new_password: NEW } });
    expect(stale.status).toBe(403);
  });

  it("deleting the account (DELETE profile/) wants it too: ?code=… in place", async () => {
    const user = await enrolledWithFreshToken();
    expect((await http("/api/users/profile/", { key: user.old, method: "DELETE" })).status).toBe(403);
    expect(await testDb().user.count({ where: { id: user.id } })).toBe(1);
    const deleted = await http(`/api/users/profile/?code=${user.recoveryCodes[2]}`, { key: user.old, method: "DELETE" });
    expect(deleted.status, deleted.text).toBe(200);
    expect(await testDb().user.count({ where: { id: user.id } })).toBe(0);
  });

  it("CSV export, view as and making someone staff: refused without a recent second factor on the acting session or token", async () => {
    const staff = await enrolledWithFreshToken({ staff: true });
    expect((await http("/admin/users/export", { key: staff.fresh })).status).toBe(200);
    const exportRefused = await http("/admin/users/export", { key: staff.old });
    expect(exportRefused.status).toBe(403);
    expect(exportRefused.json).toEqual({ detail: STEP_UP });

    const member = await registeredUser();
    const memberId = (await testDb().user.findFirstOrThrow({ where: { username: member.username } })).id;
    const actor = { id: staff.id, isStaff: true };
    const session = await createSession(testDb(), staff.id);
    const noProof = await refusal(startViewAs({ userId: memberId, reason: "ticket 7" }, staffContext(actor, testDb(), { sessionId: session.id })));
    expect(noProof.status).toBe(403);
    expect(noProof.message).toBe(STEP_UP);
    await withPg((c) => c.query(`UPDATE "Session" SET "secondFactorAt" = now() WHERE id = $1`, [session.id]));
    expect((await startViewAs({ userId: memberId, reason: "ticket 7" }, staffContext(actor, testDb(), { sessionId: session.id }))).userId).toBe(memberId);

    await withPg((c) => c.query(`UPDATE "User" SET "isSuperuser" = true WHERE id = $1`, [staff.id]));
    const freshToken = await testDb().apiToken.findFirstOrThrow({ where: { userId: staff.id, secondFactorAt: { not: null } } });
    expect((await refusal(setStaff({ userId: memberId, isStaff: true, reason: "Test" }, staffContext(actor, testDb())))).message).toBe(STEP_UP);
    expect((await setStaff({ userId: memberId, isStaff: true, reason: "Test" }, staffContext(actor, testDb(), { credential: { kind: "api", id: freshToken.id } }))).isStaff).toBe(true);
    // Removing staff is not a step-up action.
    expect((await setStaff({ userId: memberId, isStaff: false, reason: "Test" }, staffContext(actor, testDb()))).isStaff).toBe(false);
  });

  it("accounts without a second factor are not asked", async () => {
    const user = await apiSignedIn();
    await makeStaff(user.username);
    expect((await http("/admin/users/export", { key: user.token })).status).toBe(200);
    const res = await http("/api/users/change-password/", { key: user.token, body: { current_password: user.password, new_password: NEW, confirm_new_password: NEW } });
    expect(res.status).toBe(200);
  });
});
