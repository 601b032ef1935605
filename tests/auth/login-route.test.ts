import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { apiCall, apiLogin, registeredUser, sessionCookie } from "../support/auth";
import { baseUrl, postRegister, testDb, uniq, withPg } from "../support/helpers";
import { storm } from "../support/storm";

const REQUIRED = '{"error":"Username/Email and password are required."}';
const INVALID = '{"error":"Invalid credentials"}';
const NO_CREDENTIALS = '{"detail":"Authentication credentials were not provided."}';
const INVALID_TOKEN = '{"detail":"Invalid token."}';

describe("POST /api/users/login/", () => {
  it("200 with token, id, username, email, role, active_guide, then user_id, profile_image_url, locale and preferences (by username)", async () => {
    const user = await registeredUser({ role: "guide" });
    const res = await apiLogin({ username: user.username, password: user.password });
    expect(res.status).toBe(200);
    const saved = await testDb().user.findFirstOrThrow({ where: { username: user.username } });
    expect(res.json).toEqual({
      token: expect.stringMatching(/^[0-9a-f]{40}$/),
      id: saved.id,
      username: user.username,
      email: user.email,
      role: "guide",
      active_guide: false,
      user_id: saved.id,
      profile_image_url: null,
      locale: "en",
      preferences: {
        languages_spoken: [],
        location: null,
        bio: null,
        interested_subjects: [],
        interested_tags: [],
        native_language: "en",
        report_language: "en",
      },
    });
    // The old keys first and in their old order; what the live frontend reads from its `user` after.
    expect(Object.keys(res.json!)).toEqual(["token", "id", "username", "email", "role", "active_guide", "user_id", "profile_image_url", "locale", "preferences"]);
  });

  it("accepts the email or the username in any letter case, and form-encoded bodies", async () => {
    const user = await registeredUser();
    for (const identifier of [user.email.toUpperCase(), user.username.toUpperCase(), ` ${user.email} `]) {
      const res = await apiLogin({ username: identifier, password: user.password });
      expect(res.status, identifier).toBe(200);
      expect(res.json?.username).toBe(user.username);
    }
    const form = await apiLogin({ username: user.email, password: user.password }, { contentType: "application/x-www-form-urlencoded" });
    expect(form.status).toBe(200);
  });

  it("answers both spellings of the path, with no redirect", async () => {
    const user = await registeredUser();
    expect((await apiLogin({ username: user.username, password: user.password }, { path: "/api/users/login" })).status).toBe(200);
    expect((await apiLogin({ username: user.username, password: user.password }, { path: "/api/users/login/" })).status).toBe(200);
  });

  it.each([
    ["username missing", { password: "x" }],
    ["password missing", { username: "someone" }],
    ["both empty", { username: "", password: "" }],
    ["username blank", { username: "   ", password: "x" }],
    ["username not text", { username: 42, password: "x" }],
    ["password null", { username: "someone", password: null }],
    ["body an array", ["someone", "x"]],
    ["body a string", "someone"],
  ])("400 required: %s", async (_name, body) => {
    const res = await apiLogin(body);
    expect(res.status).toBe(400);
    expect(res.text).toBe(REQUIRED);
  });

  it("400 'Invalid credentials' for a wrong password, an unknown name and an inactive account alike", async () => {
    const user = await registeredUser();
    const inactive = await registeredUser();
    await withPg((c) => c.query(`UPDATE "User" SET "isActive" = false WHERE username = $1`, [inactive.username]));
    const answers = [
      await apiLogin({ username: user.username, password: "Wrong-password-1" }),
      await apiLogin({ username: uniq("nobody"), password: user.password }),
      await apiLogin({ username: inactive.username, password: inactive.password }),
      await apiLogin({ username: "x".repeat(1000), password: "y" }),
      await apiLogin({ username: "nul\u0000byte", password: "y" }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(400);
      expect(res.text).toBe(INVALID);
    }
  });

  it("a username equal to someone else's email is refused, and that email still signs its owner in (review M3)", async () => {
    const victim = await registeredUser();
    const squat = await postRegister({ username: victim.email, email: `${uniq("attacker")}@example.com`, password: "Squatter-pass-9" });
    expect(squat.status).toBe(400);
    expect(squat.text).toBe('{"error":"Username already taken."}');
    const res = await apiLogin({ username: victim.email.toUpperCase(), password: victim.password });
    expect(res.status).toBe(200);
    expect(res.json?.username).toBe(victim.username);
    expect((await apiLogin({ username: victim.email, password: "Squatter-pass-9" })).text).toBe(INVALID);
  });

  it("updates lastLogin", async () => {
    const user = await registeredUser();
    const before = await testDb().user.findFirstOrThrow({ where: { username: user.username } });
    expect(before.lastLogin).toBeNull();
    await apiLogin({ username: user.username, password: user.password });
    const after = await testDb().user.findFirstOrThrow({ where: { username: user.username } });
    expect(after.lastLogin).toBeInstanceOf(Date);
  });

  it("stores only a SHA-256 of the token, one row per user", async () => {
    const user = await registeredUser();
    const { json } = await apiLogin({ username: user.username, password: user.password });
    const token = json!.token as string;
    const rows = await withPg((c) =>
      c.query(`SELECT t.* FROM "ApiToken" t JOIN "User" u ON u.id = t."userId" WHERE u.username = $1`, [user.username]),
    );
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0].keyHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows.rows)).not.toContain(token);
  });

  it("405 for GET", async () => {
    expect((await fetch(`${baseUrl()}/api/users/login/`)).status).toBe(405);
  });

  it("415 and 400 for bodies that are not JSON or a form", async () => {
    const bad = await fetch(`${baseUrl()}/api/users/login/`, { method: "POST", headers: { "content-type": "text/plain" }, body: "hi" });
    expect(bad.status).toBe(415);
    const broken = await fetch(`${baseUrl()}/api/users/login/`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: "The request body is not valid JSON." });
  });
});

describe("Authorization: Token <key>", () => {
  it("GET /api/users/profile/ returns the caller's profile with a token", async () => {
    const user = await registeredUser({ role: "both", bio: "Hello there" });
    const { json } = await apiLogin({ username: user.username, password: user.password });
    const res = await apiCall("/api/users/profile/", { token: json!.token as string });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: json!.id,
      username: user.username,
      email: user.email,
      role: "both",
      bio: "Hello there",
      display_name: "",
      active_guide: false,
      can_invite_teachers: false,
      is_staff: false,
      email_verified: false,
    });
    expect(res.json).not.toHaveProperty("passwordHash");
  });

  it("401 without credentials (both path spellings)", async () => {
    for (const path of ["/api/users/profile/", "/api/users/profile"]) {
      const res = await apiCall(path);
      expect(res.status).toBe(401);
      expect(res.text).toBe(NO_CREDENTIALS);
    }
  });

  it.each([
    ["an unknown key", "Token 0123456789abcdef0123456789abcdef01234567", INVALID_TOKEN],
    ["a malformed key", "Token not-a-key", INVALID_TOKEN],
    ["no key", "Token", '{"detail":"Invalid token header. No credentials provided."}'],
    ["a key with spaces", "Token abc def", '{"detail":"Invalid token header. Token string should not contain spaces."}'],
  ])("401 for %s", async (_name, header, body) => {
    const res = await apiCall("/api/users/profile/", { headers: { authorization: header } });
    expect(res.status).toBe(401);
    expect(res.text).toBe(body);
  });

  it("a new sign-in adds a key for that device: the previous one keeps working", async () => {
    const user = await registeredUser();
    const first = (await apiLogin({ username: user.username, password: user.password })).json!.token as string;
    const second = (await apiLogin({ username: user.email, password: user.password })).json!.token as string;
    expect(second).not.toBe(first);
    expect((await apiCall("/api/users/profile/", { token: first })).status).toBe(200);
    expect((await apiCall("/api/users/profile/", { token: second })).status).toBe(200);
  });

  it("5 simultaneous sign-ins of one user from 5 processes: all 200, five token rows, every key works", async () => {
    const user = await registeredUser();
    // Five: at most LOGIN_MAX_FAILURES (default 5) attempts may be in flight per account
    // and address, since every attempt is counted before its password is checked.
    const requests = Array.from({ length: 5 }, (_, i) => ({
      path: "/api/users/login/",
      body: { username: i % 2 ? user.email : user.username, password: user.password },
    }));
    const { results } = await storm(baseUrl(), requests, 5);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const keys = results.map((r) => JSON.parse(r.body).token as string);
    expect(new Set(keys).size).toBe(5);
    const rows = await withPg((c) =>
      c.query(`SELECT 1 FROM "ApiToken" t JOIN "User" u ON u.id = t."userId" WHERE u.username = $1`, [user.username]),
    );
    expect(rows.rowCount).toBe(5);
    for (const key of keys) expect((await apiCall("/api/users/profile/", { token: key })).status).toBe(200);
  });

  it("an expired token and a deactivated user's token are refused", async () => {
    const a = await registeredUser();
    const b = await registeredUser();
    const tokenA = (await apiLogin({ username: a.username, password: a.password })).json!.token as string;
    const tokenB = (await apiLogin({ username: b.username, password: b.password })).json!.token as string;
    await withPg(async (c) => {
      await c.query(
        `UPDATE "ApiToken" SET "createdAt" = now() - interval '2 days', "expiresAt" = now() - interval '1 second'
         WHERE "userId" = (SELECT id FROM "User" WHERE username = $1)`,
        [a.username],
      );
      await c.query(`UPDATE "User" SET "isActive" = false WHERE username = $1`, [b.username]);
    });
    expect((await apiCall("/api/users/profile/", { token: tokenA })).text).toBe(INVALID_TOKEN);
    expect((await apiCall("/api/users/profile/", { token: tokenB })).text).toBe(INVALID_TOKEN);
  });
});

describe("POST /api/users/logout/", () => {
  it("revokes the token that asked: 200, then the key is refused", async () => {
    const user = await registeredUser();
    const token = (await apiLogin({ username: user.username, password: user.password })).json!.token as string;
    expect((await apiCall("/api/users/profile/", { token })).status).toBe(200);
    const out = await apiCall("/api/users/logout/", { method: "POST", token });
    expect(out.status).toBe(200);
    expect(out.json).toEqual({ detail: "Successfully logged out." });
    const after = await apiCall("/api/users/profile/", { token });
    expect(after.status).toBe(401);
    expect(after.text).toBe(INVALID_TOKEN);
    expect((await apiCall("/api/users/logout/", { method: "POST", token })).status).toBe(401);
    const rows = await withPg((c) =>
      c.query(`SELECT 1 FROM "ApiToken" t JOIN "User" u ON u.id = t."userId" WHERE u.username = $1`, [user.username]),
    );
    expect(rows.rowCount).toBe(0);
  });

  it("401 without credentials; both path spellings answer", async () => {
    for (const path of ["/api/users/logout/", "/api/users/logout"]) {
      const res = await apiCall(path, { method: "POST" });
      expect(res.status).toBe(401);
      expect(res.text).toBe(NO_CREDENTIALS);
    }
  });
});

describe("the browser session on the JSON API", () => {
  it("next-auth's Credentials sign-in gives a session cookie that the API accepts", async () => {
    const user = await registeredUser();
    const cookie = await sessionCookie(user.email.toUpperCase(), user.password);
    const profile = await apiCall("/api/users/profile/", { headers: { cookie } });
    expect(profile.status).toBe(200);
    expect(profile.json?.username).toBe(user.username);
    const session = await apiCall("/api/auth/session", { headers: { cookie } });
    expect(session.json).toMatchObject({ user: { username: user.username, isStaff: false, role: "explorer" } });
  });

  it("a state-changing request with only the cookie counts only when it comes from this site", async () => {
    const user = await registeredUser();
    const cookie = await sessionCookie(user.username, user.password);
    const crossSite = await apiCall("/api/users/logout/", { method: "POST", headers: { cookie, origin: "https://evil.example" } });
    expect(crossSite.status).toBe(401);
    const noOrigin = await apiCall("/api/users/logout/", { method: "POST", headers: { cookie } });
    expect(noOrigin.status).toBe(401);
    const sameSite = await apiCall("/api/users/logout/", { method: "POST", headers: { cookie, origin: baseUrl() } });
    expect(sameSite.status).toBe(200);
  });

  it("a forged or garbled cookie is no session", async () => {
    for (const value of ["garbage", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC"]) {
      const res = await apiCall("/api/users/profile/", { headers: { cookie: `next-auth.session-token=${value}` } });
      expect(res.status).toBe(401);
    }
  });

  it("a deactivated user's session stops working at once", async () => {
    const user = await registeredUser();
    const cookie = await sessionCookie(user.username, user.password);
    expect((await apiCall("/api/users/profile/", { headers: { cookie } })).status).toBe(200);
    await withPg((c) => c.query(`UPDATE "User" SET "isActive" = false WHERE username = $1`, [user.username]));
    expect((await apiCall("/api/users/profile/", { headers: { cookie } })).status).toBe(401);
  });
});

describe("the cost of a sign-in (benchmark: figures are printed, not asserted)", () => {
  it("times the login API for success, wrong password and unknown user", async () => {
    const user = await registeredUser();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const time = async (body: unknown) => {
      const t0 = performance.now();
      await apiLogin(body);
      return performance.now() - t0;
    };
    // Sequential, so each figure is one request's own cost on an otherwise idle server.
    const ok: number[] = [];
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 8; i++) {
      ok.push(await time({ username: user.username, password: user.password }));
      // Four failures per account at most: the fifth would reach the per-account limit.
      if (i < 4) wrong.push(await time({ username: user.username, password: `Wrong-${i}-password` }));
      unknown.push(await time({ username: uniq("ghost"), password: user.password }));
    }
    console.log(
      `sign-in cost (median ms over ${ok.length}/${wrong.length}/${unknown.length} calls): ` +
        `success ${median(ok).toFixed(1)}, wrong password ${median(wrong).toFixed(1)}, unknown user ${median(unknown).toFixed(1)}`,
    );
    expect(ok).toHaveLength(8);
  });
});
