import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { OPERATOR } from "../../lib/actor";
import { resetTwoFactorByStaff } from "../../lib/admin/reset-two-factor";
import { apiLogin, makeStaff, registeredUser, sessionCookie } from "../support/auth";
import { GOOGLE_TEST_CLIENT as CLIENT, startFakeGoogle, type FakeGoogle } from "../support/google";
import { http, refusal, testDb, uniq, withPg } from "../support/helpers";
import { startTestServer, type TestServer } from "../support/stack";
import { enrolTotp, totpCode } from "../support/two-factor";
import { staffContext } from "../support/staff-context";

// Issue 20 points 4 (Google) and 5: a server started with REQUIRE_2FA=staff (the shared
// test server runs with it off). Staff without a second factor are refused every staff
// route and page with 403 and a sentence until enrolled; staff (superusers for staff)
// and the operator CLI reset someone's second factor.

const SENTENCE = "Two-factor authentication is required for staff: set up an authenticator app on your security page (/account/security) first.";
let server: TestServer;
let fake: FakeGoogle;
const base = () => server.baseUrl;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  fake = await startFakeGoogle();
  server = await startTestServer(inject("databaseUrl"), {
    REQUIRE_2FA: "staff",
    GOOGLE_CLIENT_ID: CLIENT,
    GOOGLE_JWKS_URL: fake.jwksUrl,
    RATE_LIMIT_PREFIX: uniq("rl2fa"),
  });
});

afterAll(async () => {
  await server?.stop();
  await fake?.stop();
});

async function signedIn(opts: { staff?: boolean } = {}) {
  const user = await registeredUser();
  if (opts.staff) await makeStaff(user.username);
  const login = await apiLogin({ username: user.username, password: user.password }, { base: base() });
  expect(login.status).toBe(200);
  return { ...user, id: login.json!.id as number, token: login.json!.token as string };
}

describe("REQUIRE_2FA=staff", () => {
  it("staff without a second factor: 403 with the sentence on staff routes and pages, until enrolled", async () => {
    const staff = await signedIn({ staff: true });
    const cookie = await sessionCookie(staff.username, staff.password, base());
    expect((await http("/api/users/2fa/", { key: staff.token, base: base() })).json).toMatchObject({ totp: false, required: true });

    const route = await http("/api/users/guide-applications/", { key: staff.token, base: base() });
    expect(route.status).toBe(403);
    expect(route.json).toEqual({ detail: SENTENCE });
    const page = await fetch(`${base()}/admin`, { headers: { cookie }, redirect: "manual" });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("Two-factor authentication is required for staff");
    // Their own pages and the enrolment API stay open.
    expect((await fetch(`${base()}/account/security`, { headers: { cookie }, redirect: "manual" })).status).toBe(200);

    await enrolTotp(staff.token, staff.password, base());
    expect((await http("/api/users/guide-applications/", { key: staff.token, base: base() })).status).toBe(200);
    expect((await fetch(`${base()}/admin`, { headers: { cookie }, redirect: "manual" })).status).toBe(200);
  });

  it("a member is not covered: nothing is refused, nothing required", async () => {
    const member = await signedIn();
    expect((await http("/api/users/2fa/", { key: member.token, base: base() })).json).toMatchObject({ totp: false, required: false });
    expect((await http("/api/users/profile/", { key: member.token, base: base() })).status).toBe(200);
  });
});

describe("Google sign-in for an enrolled account", () => {
  it("answers 401 with an mfa_token and no token (none is kept), then login/2fa signs in", async () => {
    const user = await registeredUser({ email: `${uniq("g")}@gmail.example` });
    // An address already proven (else Google's proof takes the account over, password and all).
    await withPg((c) => c.query(`UPDATE "User" SET "emailVerifiedAt" = now() WHERE username = $1`, [user.username]));
    const login = await apiLogin({ username: user.username, password: user.password }, { base: base() });
    const userId = login.json!.id as number;
    const { secret } = await enrolTotp(login.json!.token as string, user.password, base());
    const email = user.email;

    const tokensBefore = await testDb().apiToken.count({ where: { userId } });
    const second = await http("/api/users/google-login/", { base: base(), body: { token: await fake.idToken({ email }) } });
    expect(second.status).toBe(401);
    expect(second.json).toMatchObject({ detail: "Two-factor authentication required.", mfa_required: true, methods: ["totp", "recovery_code"] });
    expect(second.json).not.toHaveProperty("token");
    expect(await testDb().apiToken.count({ where: { userId } })).toBe(tokensBefore);

    const done = await http("/api/users/login/2fa/", { base: base(), body: { mfa_token: second.json!.mfa_token, code: totpCode(secret, 1) } });
    expect(done.status, done.text).toBe(200);
    expect(done.json).toMatchObject({ id: userId });
  });
});

describe("resetting someone's second factor", () => {
  it("staff reset a member's: audited with the reason, emailed, every session ended; staff's needs a superuser", async () => {
    const member = await signedIn();
    await enrolTotp(member.token, member.password, base());
    const staff = await signedIn({ staff: true });
    const actor = { id: staff.id, isStaff: true };

    const noReason = await refusal(resetTwoFactorByStaff({ userId: member.id, reason: " " }, staffContext(actor, testDb())));
    expect(noReason.message).toBe("Give a reason: it goes into the audit log.");
    const result = await resetTwoFactorByStaff({ userId: member.id, reason: "Lost phone, identity checked by video call" }, staffContext(actor, testDb()));
    expect(result).toMatchObject({ userId: member.id, hadSecondFactor: true });
    expect(result.revoked).toBeGreaterThanOrEqual(1);
    expect((await http("/api/users/profile/", { key: member.token, base: base() })).status).toBe(401);
    expect((await apiLogin({ username: member.username, password: member.password }, { base: base() })).status).toBe(200);
    const audit = await withPg((c) => c.query(`SELECT "actorId", notes FROM "AuditLog" WHERE action = 'two_factor.reset_by_staff' AND "targetId" = $1`, [member.id]));
    expect(audit.rows).toEqual([{ actorId: staff.id, notes: "Lost phone, identity checked by video call" }]);
    expect(await testDb().outbox.count({ where: { to: member.email, kind: "two_factor.reset_by_staff" } })).toBe(1);

    const otherStaff = await signedIn({ staff: true });
    const refused = await refusal(resetTwoFactorByStaff({ userId: otherStaff.id, reason: "test" }, staffContext(actor, testDb())));
    expect(refused.status).toBe(403);
    expect(refused.message).toBe("Only a superuser can do this to another staff account.");
    await withPg((c) => c.query(`UPDATE "User" SET "isSuperuser" = true WHERE id = $1`, [staff.id]));
    expect((await resetTwoFactorByStaff({ userId: otherStaff.id, reason: "test" }, staffContext(actor, testDb()))).userId).toBe(otherStaff.id);
    // A member cannot.
    expect((await refusal(resetTwoFactorByStaff({ userId: staff.id, reason: "x" }, staffContext({ id: member.id, isStaff: false }, testDb())))).status).toBe(403);
    // The operator resets anyone, staff included.
    expect((await resetTwoFactorByStaff({ userId: staff.id, reason: "operator" }, staffContext(OPERATOR, testDb()))).userId).toBe(staff.id);
  });

  it("npm run manage -- reset-2fa <user> --reason …", async () => {
    const member = await signedIn();
    await enrolTotp(member.token, member.password, base());
    const out = await promisify(execFile)(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/manage.ts", "reset-2fa", member.username, "--reason", "support ticket 42"], {
      env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    });
    expect(out.stdout).toContain(`${member.username}'s two-factor authentication is off`);
    expect((await apiLogin({ username: member.username, password: member.password }, { base: base() })).status).toBe(200);
  });
});
