import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiCall, apiLogin, registeredUser } from "./support/auth";
import { GOOGLE_TEST_CLIENT as CLIENT, startFakeGoogle, type Claims, type FakeGoogle } from "./support/google";
import { http, testDb, uniq, withPg } from "./support/helpers";
import { startTestServer, type TestServer } from "./support/stack";
import { storm } from "./support/storm";

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
    const res = await google({ token: await idToken({ email, given_name: "Ada", family_name: "Lovelace" }) });
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

    const again = await google({ token: await idToken({ email }) });
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
    const audit = await withPg((c) => c.query(`SELECT details FROM "AuditLog" WHERE action = 'email.verified' AND "targetId" = $1`, [id]));
    expect(audit.rows).toEqual([{ details: { via: "google", passwordRemoved: true, sessionsEnded: 1 } }]);
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
    const tokens = await Promise.all(Array.from({ length: 10 }, () => idToken({ email })));
    const { results } = await storm(server.baseUrl, tokens.map((token) => ({ path: PATH, body: { token } })), 5);
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const bodies = results.map((r) => JSON.parse(r.body) as { new_user_created: boolean; user: { id: number } });
    expect(bodies.filter((b) => b.new_user_created)).toHaveLength(1);
    expect(new Set(bodies.map((b) => b.user.id)).size).toBe(1);
    expect(await withPg((c) => c.query(`SELECT count(*)::int AS n FROM "User" WHERE lower(email) = lower($1)`, [email]))).toMatchObject({ rows: [{ n: 1 }] });
    console.log(`[race] 10 Google sign-ins for one new email from 5 processes: statuses all 200, accounts 1, new_user_created ${bodies.filter((b) => b.new_user_created).length}`);
  });
});
