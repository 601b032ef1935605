import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { googleSignIn } from "../../lib/google-login/sign-in";
import { createLimiters } from "../../lib/security/rate-limits";
import { apiCall, apiLogin, registeredUser, sessionCookie } from "../support/auth";
import { GOOGLE_TEST_CLIENT as CLIENT, startFakeGoogle, type Claims, type FakeGoogle } from "../support/google";
import { http, refusal, testDb, uniq, withPg } from "../support/helpers";
import { startTestServer, type TestServer } from "../support/stack";
import { storm } from "../support/storm";
import { testContext } from "../support/context";

// Issue 11 point 4: POST /api/users/google-login/. The tests are Google
// (tests/support/google.ts).

const PATH = "/api/users/google-login/";
const INVALID = { error: "Invalid Google token." };

let fake: FakeGoogle;
let server: TestServer;
const db = () => testDb();

beforeAll(async () => {
  fake = await startFakeGoogle();
  server = await startTestServer(inject("databaseUrl"), {
    GOOGLE_CLIENT_ID: `other-client, ${CLIENT}`,
    GOOGLE_JWKS_URL: fake.jwksUrl,
    RATE_LIMIT_PREFIX: uniq("rlgoogle"),
  });
});

afterAll(async () => {
  await server?.stop();
  await fake?.stop();
});

const idToken = (claims: Claims = {}, opts: { key?: CryptoKey; kid?: string } = {}) => fake.idToken(claims, opts);
const google = (body: unknown, headers: Record<string, string> = {}) => http(PATH, { base: server.baseUrl, body, headers });
const freshGmail = () => `${uniq("g")}@gmail.example`;

describe("POST /api/users/google-login/", () => {
  it("a new email: a new account with a username from the local part, verified, no usable password, a working token", async () => {
    const email = freshGmail();
    const sub = uniq("sub");
    const res = await google({ token: await idToken({ email, sub, given_name: "Ada", family_name: "Lovelace" }) });
    expect(res.status).toBe(200);
    const body = res.json!;
    expect(body).toMatchObject({
      user: { username: email.split("@")[0], email, first_name: "Ada", last_name: "Lovelace", role: "explorer", active_guide: false },
      message: "Login successful via Google.",
      new_user_created: true,
      profile_created: true,
    });
    expect(Object.keys(body).sort()).toEqual(["message", "new_user_created", "profile_created", "token", "user"]);
    expect(Object.keys(body.user as object).sort()).toEqual(["active_guide", "email", "first_name", "id", "last_name", "role", "username"]);
    expect(res.headers.get("set-cookie")).toBeNull();
    const profile = await apiCall("/api/users/profile/", { token: body.token as string });
    expect(profile.json).toMatchObject({ email, email_verified: true });
    const stored = await db().user.findFirstOrThrow({ where: { email }, select: { passwordHash: true } });
    expect(stored.passwordHash.startsWith("!")).toBe(true);

    const again = await google({ token: await idToken({ email, sub }) });
    expect(again.json).toMatchObject({ new_user_created: false, profile_created: false, user: { id: (body.user as { id: number }).id } });
    expect(again.json!.token).not.toBe(body.token);
    // Both devices stay signed in.
    expect((await apiCall("/api/users/profile/", { token: body.token as string })).status).toBe(200);
  });

  it("the username is decided by the database: a taken local part gets another", async () => {
    const taken = await registeredUser();
    const email = `${taken.username}@gmail.example`;
    const res = await google({ token: await idToken({ email }) });
    expect(res.status).toBe(200);
    const username = (res.json!.user as { username: string }).username;
    expect(username).not.toBe(taken.username);
    expect(username.startsWith(taken.username)).toBe(true);
  });

  it("an existing unverified account matched by a verified Google email: proven, every session and token ended, its password removed", async () => {
    const squatter = await registeredUser();
    const oldToken = (await apiLogin({ username: squatter.username, password: squatter.password })).json!.token as string;
    const res = await google({ token: await idToken({ email: squatter.email.toUpperCase().replace("@EXAMPLE.COM", "@example.com") }) });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ new_user_created: false, user: { username: squatter.username } });
    expect((await apiCall("/api/users/profile/", { token: oldToken })).status).toBe(401);
    expect((await apiLogin({ username: squatter.username, password: squatter.password })).status).toBe(400);
    expect((await apiCall("/api/users/profile/", { token: res.json!.token as string })).json).toMatchObject({ email_verified: true });
    const id = (res.json!.user as { id: number }).id;
    const audit = await withPg((c) => c.query(`SELECT details FROM "AuditLog" WHERE action = 'account.claimed_by_mailbox' AND "targetId" = $1`, [id]));
    expect(audit.rows).toEqual([{ details: { via: "google", passwordRemoved: true, sessionsEnded: 0, tokensEnded: 1, identitiesRemoved: 0 } }]);
    // The owner is told, with a link to choose a password.
    expect(await db().outbox.count({ where: { kind: "account.claimed_by_mailbox", to: { equals: squatter.email, mode: "insensitive" } } })).toBe(1);
  });

  it("an existing verified account keeps its password and sessions", async () => {
    const owner = await registeredUser();
    await withPg((c) => c.query(`UPDATE "User" SET "emailVerifiedAt" = now() WHERE username = $1`, [owner.username]));
    const token = (await apiLogin({ username: owner.username, password: owner.password })).json!.token as string;
    expect((await google({ token: await idToken({ email: owner.email }) })).status).toBe(200);
    expect((await apiCall("/api/users/profile/", { token })).status).toBe(200);
    expect((await apiLogin({ username: owner.username, password: owner.password })).status).toBe(200);
  });

  it("called from the site itself: also a browser session", async () => {
    const res = await google({ token: await idToken({ email: freshGmail() }) }, { origin: server.baseUrl });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!.split(";")[0];
    expect(cookie).toMatch(/^next-auth\.session-token=/);
    expect((await apiCall("/api/users/profile/", { base: server.baseUrl, headers: { cookie } })).status).toBe(200);
  });

  it.each<[string, () => Promise<string>]>([
    ["another audience", () => idToken({ email: freshGmail(), aud: "someone-else" })],
    ["another issuer", () => idToken({ email: freshGmail(), iss: "https://evil.example" })],
    ["expired", () => idToken({ email: freshGmail(), exp: Math.floor(Date.now() / 1000) - 600, iat: Math.floor(Date.now() / 1000) - 4200 })],
    ["issued in the future", () => idToken({ email: freshGmail(), iat: Math.floor(Date.now() / 1000) + 900 })],
    ["signed by another key", () => idToken({ email: freshGmail() }, { key: fake.strangerKey })],
    ["an unknown key id", () => idToken({ email: freshGmail() }, { key: fake.strangerKey, kid: "nope" })],
    ["unverified email", () => idToken({ email: freshGmail(), email_verified: false })],
    ["no email", () => idToken({})],
    ["not a JWT", async () => "not.a.token"],
    ["far too long", async () => "a".repeat(9000)],
    ["alg none", async () => `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(`{"aud":"${CLIENT}","iss":"accounts.google.com","email":"x@y.z","email_verified":true}`).toString("base64url")}.`],
  ])("400 for a token that fails verification: %s (and no account made)", async (_name, make) => {
    const before = await db().user.count();
    const res = await google({ token: await make() });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(INVALID);
    expect(await db().user.count()).toBe(before);
  });

  it.each([[{}], [{ token: "" }], [{ token: null }], [{ token: 5 }]])("400 without a token: %j", async (body) => {
    expect((await google(body)).json).toEqual({ error: "Google token is required." });
  });

  it("without GOOGLE_CLIENT_ID (the suite's main server): not configured", async () => {
    const res = await http(PATH, { body: { token: await idToken({ email: freshGmail() }) } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: "Google sign-in is not configured." });
  });

  it("the JWKS is fetched once and kept as its Cache-Control says", async () => {
    const before = fake.fetches();
    for (let i = 0; i < 3; i++) await google({ token: await idToken({ email: freshGmail() }) });
    // At most one fetch per server worker that had not cached it yet.
    expect(fake.fetches() - before).toBeLessThanOrEqual(1);
  });

  it("race: simultaneous Google sign-ins for one new email from 5 processes make one account", async () => {
    const email = freshGmail();
    const sub = uniq("sub");
    const tokens = await Promise.all(Array.from({ length: 10 }, () => idToken({ email, sub })));
    const { results } = await storm(server.baseUrl, tokens.map((token) => ({ path: PATH, body: { token } })), 5);
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const bodies = results.map((r) => JSON.parse(r.body) as { new_user_created: boolean; user: { id: number } });
    expect(bodies.filter((b) => b.new_user_created)).toHaveLength(1);
    expect(new Set(bodies.map((b) => b.user.id)).size).toBe(1);
    expect(await withPg((c) => c.query(`SELECT count(*)::int AS n FROM "User" WHERE lower(email) = lower($1)`, [email]))).toMatchObject({ rows: [{ n: 1 }] });
    console.log(`[race] 10 Google sign-ins for one new email from 5 processes: statuses all 200, accounts 1, new_user_created ${bodies.filter((b) => b.new_user_created).length}`);
  });
});

// Issue 18 point 2 (review N-M2) and point 6 / N-L1: Google identities are bound to Google's
// subject; Google sign-in is rate-limited.
describe("Google accounts by subject", () => {
  const userId = async (email: string) => (await db().user.findFirstOrThrow({ where: { email: { equals: email, mode: "insensitive" } }, select: { id: true } })).id;
  const links = (id: number) => db().linkedIdentity.findMany({ where: { userId: id }, select: { provider: true, subject: true } });

  it("the same address under a different Google subject is refused with one sentence, and gets no token", async () => {
    const email = freshGmail();
    const first = await google({ token: await idToken({ email, sub: uniq("sub") }) });
    expect(first.status).toBe(200);
    const res = await google({ token: await idToken({ email, sub: uniq("sub") }) });
    expect(res.status).toBe(409);
    expect(res.json).toEqual({ error: "This email address is already linked to a different Google account." });
    expect(await db().apiToken.count({ where: { userId: await userId(email) } })).toBe(1);
  });

  it("a verified password account is linked to the first subject; a second subject for it is refused; the first keeps working", async () => {
    const owner = await registeredUser();
    await withPg((c) => c.query(`UPDATE "User" SET "emailVerifiedAt" = now() WHERE username = $1`, [owner.username]));
    const sub = uniq("sub");
    expect((await google({ token: await idToken({ email: owner.email, sub }) })).status).toBe(200);
    const id = await userId(owner.email);
    expect(await links(id)).toEqual([{ provider: "google", subject: sub }]);
    // The owner hears that Google now opens the account.
    expect(await db().outbox.count({ where: { kind: "account.google_linked", to: { equals: owner.email, mode: "insensitive" } } })).toBe(1);
    expect((await google({ token: await idToken({ email: owner.email, sub: uniq("other") }) })).status).toBe(409);
    expect((await google({ token: await idToken({ email: owner.email, sub }) })).status).toBe(200);
    expect((await apiLogin({ username: owner.username, password: owner.password })).status).toBe(200);
  });

  it("a returning user is found by subject, even after either side changed the address", async () => {
    const sub = uniq("sub");
    const email = freshGmail();
    const first = await google({ token: await idToken({ email, sub }) });
    const id = (first.json!.user as { id: number }).id;
    const res = await google({ token: await idToken({ email: freshGmail(), sub }) });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ new_user_created: false, user: { id } });
    // A new account made by Google is not "linked to an existing account": no such email.
    expect(await db().outbox.count({ where: { kind: "account.google_linked", to: email } })).toBe(0);
  });

  it("an existing Google account made before subjects were stored gets its subject linked at its next sign-in", async () => {
    const email = freshGmail();
    const first = await google({ token: await idToken({ email }) });
    const id = (first.json!.user as { id: number }).id;
    await db().linkedIdentity.deleteMany({ where: { userId: id } }); // as the migration leaves such accounts
    const sub = uniq("sub");
    expect((await google({ token: await idToken({ email, sub }) })).json).toMatchObject({ user: { id } });
    expect(await links(id)).toEqual([{ provider: "google", subject: sub }]);
  });

  it.each([
    ["an unverified staff account", { isStaff: true, verified: false }],
    ["a verified staff account", { isStaff: true, verified: true }],
    ["an unverified superuser", { isStaff: true, isSuperuser: true, verified: false }],
  ])("%s is never linked or taken over by Google: 403, its password and token keep working", async (_name, who) => {
    const staff = await registeredUser();
    await withPg((c) =>
      c.query(`UPDATE "User" SET "isStaff" = $2, "isSuperuser" = $3, "emailVerifiedAt" = CASE WHEN $4 THEN now() END WHERE username = $1`, [
        staff.username,
        who.isStaff,
        "isSuperuser" in who && who.isSuperuser,
        who.verified,
      ]),
    );
    const token = (await apiLogin({ username: staff.username, password: staff.password })).json!.token as string;
    const res = await google({ token: await idToken({ email: staff.email.toUpperCase() }) });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({
      error: "Google sign-in is not linked to this staff account: sign in with your password, then use the Google button while signed in to link it.",
    });
    expect((await apiCall("/api/users/profile/", { token })).json).toMatchObject({ is_staff: true, email_verified: who.verified });
    expect((await apiLogin({ username: staff.username, password: staff.password })).status).toBe(200);
    expect(await links(await userId(staff.email))).toEqual([]);
  });

  it("a browser signed in with the password links Google to its account (staff too); the next Google sign-in needs no password", async () => {
    const staff = await registeredUser();
    await withPg((c) => c.query(`UPDATE "User" SET "isStaff" = true WHERE username = $1`, [staff.username]));
    const session = await sessionCookie(staff.username, staff.password, server.baseUrl);
    const sub = uniq("sub");
    const token = await idToken({ email: `${uniq("work")}@gmail.example`, sub });
    const linked = await google({ token }, { origin: server.baseUrl, cookie: session });
    expect(linked.status).toBe(200);
    expect(linked.json).toMatchObject({ new_user_created: false, user: { username: staff.username } });
    const again = await google({ token: await idToken({ email: staff.email, sub }) });
    expect(again.json).toMatchObject({ user: { username: staff.username } });
    expect(await db().outbox.count({ where: { kind: "account.google_linked", to: { equals: staff.email, mode: "insensitive" } } })).toBe(1);
    expect((await apiLogin({ username: staff.username, password: staff.password })).status).toBe(200);
  });

  it("race: two Google subjects for one new address from 5 processes: one account, one link, the other subject refused", async () => {
    const email = freshGmail();
    const [a, b] = [uniq("subA"), uniq("subB")];
    const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => idToken({ email, sub: i % 2 ? a : b })));
    const { results } = await storm(server.baseUrl, tokens.map((token) => ({ path: PATH, body: { token } })), 5);
    const id = await userId(email);
    const [link] = await links(id);
    expect(await links(id)).toHaveLength(1);
    const winner = link.subject === a ? 1 : 0;
    expect(results.map((r) => r.status)).toEqual(stormOrder(tokens.length, 5).map((i) => (i % 2 === winner ? 200 : 409)));
    expect(await withPg((c) => c.query(`SELECT count(*)::int AS n FROM "User" WHERE lower(email) = lower($1)`, [email]))).toMatchObject({ rows: [{ n: 1 }] });
    console.log(`[race] 2 Google subjects x 5 sign-ins for one new address from 5 processes: accounts 1, links 1, statuses ${results.map((r) => r.status).join(",")}`);
  });

  it("race: two Google subjects for one verified password account from 5 processes: exactly one link", async () => {
    const owner = await registeredUser();
    await withPg((c) => c.query(`UPDATE "User" SET "emailVerifiedAt" = now() WHERE username = $1`, [owner.username]));
    const [a, b] = [uniq("subA"), uniq("subB")];
    const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => idToken({ email: owner.email, sub: i % 2 ? a : b })));
    const { results } = await storm(server.baseUrl, tokens.map((token) => ({ path: PATH, body: { token } })), 5);
    const [link, ...more] = await links(await userId(owner.email));
    expect(more).toEqual([]);
    const winner = link.subject === a ? 1 : 0;
    expect(results.map((r) => r.status)).toEqual(stormOrder(tokens.length, 5).map((i) => (i % 2 === winner ? 200 : 409)));
  });
});

describe("Google sign-in limits (N-L1)", () => {
  it("one ID token replayed: the account's token budget (TOKEN_MAX_PER_ACCOUNT, 20 an hour) refuses the 21st with 429 and Retry-After", async () => {
    const token = await idToken({ email: freshGmail(), sub: uniq("sub") });
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 21; i++) {
      last = await google({ token });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array(20).fill(200), 429]);
    expect(last!.json!.error).toMatch(/^Too many attempts\. Try again in \d+ seconds?\.$/);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("attempts per client address, counted before the token is checked (the domain function, with low limits)", async () => {
    const saved = { id: process.env.GOOGLE_CLIENT_ID, jwks: process.env.GOOGLE_JWKS_URL, url: process.env.DATABASE_URL };
    Object.assign(process.env, { GOOGLE_CLIENT_ID: CLIENT, GOOGLE_JWKS_URL: fake.jwksUrl, DATABASE_URL: inject("databaseUrl") });
    try {
      const limiters = createLimiters({ prefix: uniq("rlg"), verifyPerIp: { points: 3, durationSeconds: 600 } });
      const ctx = testContext({ db: db(), ip: "198.51.100.44", limiters });
      expect((await refusal(googleSignIn({ token: "not.a.token" }, ctx))).status).toBe(400);
      await googleSignIn({ token: await idToken({ email: freshGmail() }) }, ctx);
      await googleSignIn({ token: await idToken({ email: freshGmail() }) }, ctx);
      expect(await refusal(googleSignIn({ token: await idToken({ email: freshGmail() }) }, ctx))).toMatchObject({ status: 429 });
      // Another address has its own budget.
      await googleSignIn({ token: await idToken({ email: freshGmail() }) }, { ...ctx, ip: "198.51.100.45" });
    } finally {
      restoreEnv({ GOOGLE_CLIENT_ID: saved.id, GOOGLE_JWKS_URL: saved.jwks, DATABASE_URL: saved.url });
    }
  });

  it("GOOGLE_ALLOWED_DOMAINS: only ID tokens whose hd is listed sign in (the domain function)", async () => {
    const saved = { id: process.env.GOOGLE_CLIENT_ID, jwks: process.env.GOOGLE_JWKS_URL, hd: process.env.GOOGLE_ALLOWED_DOMAINS, url: process.env.DATABASE_URL };
    Object.assign(process.env, {
      GOOGLE_CLIENT_ID: CLIENT,
      GOOGLE_JWKS_URL: fake.jwksUrl,
      GOOGLE_ALLOWED_DOMAINS: " school.example ,Other.example",
      DATABASE_URL: inject("databaseUrl"),
    });
    try {
      const limiters = createLimiters({ prefix: uniq("rlg"), enabled: false });
      const ctx = testContext({ db: db(), limiters });
      const refused = { status: 403, message: "This Google account's domain may not sign in here." };
      expect(await refusal(googleSignIn({ token: await idToken({ email: freshGmail() }) }, ctx))).toMatchObject(refused);
      expect(await refusal(googleSignIn({ token: await idToken({ email: `${uniq("t")}@evil.example`, hd: "evil.example" }) }, ctx))).toMatchObject(refused);
      const ok = await googleSignIn({ token: await idToken({ email: `${uniq("t")}@other.example`, hd: "other.example" }) }, ctx);
      expect(ok.newUserCreated).toBe(true);
    } finally {
      restoreEnv({ GOOGLE_CLIENT_ID: saved.id, GOOGLE_JWKS_URL: saved.jwks, GOOGLE_ALLOWED_DOMAINS: saved.hd, DATABASE_URL: saved.url });
    }
  });
});

/** The request indexes in the order storm() returns their results (process by process). */
function stormOrder(n: number, processes: number): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((x, y) => (x % processes) - (y % processes) || x - y);
}

function restoreEnv(values: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}
