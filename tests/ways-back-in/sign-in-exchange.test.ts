import type { Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hashExchangeCode } from "../../lib/sign-in-exchange/code";
import { issueExchangeCode } from "../../lib/sign-in-exchange/issue";
import { registeredUser } from "../support/auth";
import { launchBrowser } from "../support/browser";
import { http, testDb, uniq, withPg } from "../support/helpers";
import { GOOGLE_TEST_CLIENT, startFakeGoogle, type FakeGoogle } from "../support/google";
import { emailText } from "../support/mailbox";
import { startTestServer, TEST_SERVER_ENV, type TestServer } from "../support/stack";
import { storm } from "../support/storm";

// The live single-page app's sign-in flows (issue 22 point 7). Its token from login,
// register and Google keeps working from its origins (tests/http/cors.test.ts covers login and
// register; Google below); a magic link finishes in the app through a short-lived,
// single-use exchange code in the redirect, which the app swaps for a token with
// POST /api/users/magic-link/exchange/. A token never appears in an address.

const APEX = "https://zportaacademy.com";
const WWW = "https://www.zportaacademy.com";
const INVALID = "This sign-in code is invalid, already used or expired: sign in again.";

let server: TestServer;
let browser: Browser;
let fake: FakeGoogle;

beforeAll(async () => {
  fake = await startFakeGoogle();
  server = await startTestServer(
    inject("databaseUrl"),
    { ...TEST_SERVER_ENV, CORS_ALLOWED_ORIGINS: `${APEX},${WWW}`, RATE_LIMIT_PREFIX: uniq("rlexchange"), GOOGLE_CLIENT_ID: GOOGLE_TEST_CLIENT, GOOGLE_JWKS_URL: fake.jwksUrl },
    1,
  );
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.stop();
});

describe("the app's token sign-ins from its origins", () => {
  it("Google sign-in posted from the apex (same-site): the token and user, with CORS headers; the token works", async () => {
    const email = `${uniq("spa")}@gmail.example`;
    const res = await http("/api/users/google-login/", {
      base: server.baseUrl,
      body: { token: await fake.idToken({ email }) },
      headers: { origin: APEX, "sec-fetch-site": "same-site" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(APEX);
    expect((res.json!.user as { email: string }).email).toBe(email);
    const profile = await http("/api/users/profile/", { base: server.baseUrl, key: res.json!.token as string, headers: { origin: APEX } });
    expect(profile.status).toBe(200);
  });
});

const exchange = (code: unknown, origin: string | null = APEX) =>
  http("/api/users/magic-link/exchange/", { base: server.baseUrl, body: code === undefined ? {} : { code }, headers: origin ? { origin, "sec-fetch-site": "same-site" } : {} });

async function userWithCode(origin = APEX) {
  const user = await registeredUser();
  const { id } = await testDb().user.findFirstOrThrow({ where: { username: user.username }, select: { id: true } });
  const code = await issueExchangeCode(testDb(), id, origin);
  return { ...user, id, code: code! };
}

describe("POST /api/users/magic-link/exchange/", () => {
  it("swaps a code for the login answer once; the token works; only the code's hash is stored", async () => {
    const u = await userWithCode();
    const res = await exchange(u.code);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: u.id, username: u.username, email: u.email, role: "explorer", active_guide: false, locale: "en" });
    expect(res.json!.token).toMatch(/^[0-9a-f]{40}$/);
    expect(res.headers.get("access-control-allow-origin")).toBe(APEX);
    const profile = await http("/api/users/profile/", { base: server.baseUrl, key: res.json!.token as string });
    expect(profile.json!.username).toBe(u.username);
    const again = await exchange(u.code);
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ error: INVALID });
    const rows = await withPg((c) => c.query(`SELECT "codeHash", "usedAt" FROM "SignInExchangeCode" WHERE "userId" = $1`, [u.id]));
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0].codeHash).toBe(hashExchangeCode(u.code));
    expect(rows.rows[0].usedAt).not.toBeNull();
  });

  it("from another origin than the code's: refused, and the code still works from its own", async () => {
    const u = await userWithCode(APEX);
    expect((await exchange(u.code, WWW)).json).toEqual({ error: INVALID });
    expect((await exchange(u.code, null)).json).toEqual({ error: INVALID });
    expect((await exchange(u.code, "https://evil.example")).status).toBe(403);
    expect((await exchange(u.code, APEX)).status).toBe(200);
  });

  it("an expired code, or one made before a password change, is refused and issues no token", async () => {
    const expired = await userWithCode();
    await withPg((c) =>
      c.query(`UPDATE "SignInExchangeCode" SET "createdAt" = now() - interval '5 minutes', "expiresAt" = now() - interval '3 minutes' WHERE "userId" = $1`, [expired.id]),
    );
    expect((await exchange(expired.code)).json).toEqual({ error: INVALID });

    const changed = await userWithCode();
    await withPg((c) => c.query(`UPDATE "User" SET "passwordHash" = 'pbkdf2_sha256$1$x$y' WHERE "id" = $1`, [changed.id]));
    expect((await exchange(changed.code)).json).toEqual({ error: INVALID });
    // Not spent either: the refusal rolled the spending back with the token.
    const [row] = (await withPg((c) => c.query(`SELECT "usedAt" FROM "SignInExchangeCode" WHERE "userId" = $1`, [changed.id]))).rows;
    expect(row.usedAt).toBeNull();
    expect(await testDb().apiToken.count({ where: { userId: { in: [expired.id, changed.id] } } })).toBe(0);
  });

  it("counts against the account's token budget like a sign-in: over it, 429 and the code stays unspent", async () => {
    const u = await userWithCode();
    // TOKEN_MAX_PER_ACCOUNT's default (20 an hour), spent by sign-ins.
    for (let i = 0; i < 20; i++) {
      const res = await http("/api/users/login/", { base: server.baseUrl, body: { username: u.username, password: u.password } });
      expect(res.status).toBe(200);
    }
    const refused = await exchange(u.code);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    const [row] = (await withPg((c) => c.query(`SELECT "usedAt" FROM "SignInExchangeCode" WHERE "userId" = $1`, [u.id]))).rows;
    expect(row.usedAt).toBeNull();
  }, 60_000);

  it.each([
    ["no code", undefined, "The code field is required."],
    ["an empty code", "", "The code field is required."],
    ["a number", 12, "The code field is required."],
    ["a made-up code", "x".repeat(43), INVALID],
    ["a huge code", "x".repeat(5000), INVALID],
  ])("bad input (%s): 400 with one sentence", async (_what, code, sentence) => {
    const res = await exchange(code);
    expect(res.status).toBe(400);
    expect(res.json!.error).toBe(sentence);
  });

  it("ten simultaneous swaps of one code from five processes: exactly one token", async () => {
    const u = await userWithCode();
    const { results } = await storm(
      server.baseUrl,
      Array.from({ length: 10 }, () => ({ path: "/api/users/magic-link/exchange/", body: { code: u.code }, headers: { origin: APEX, "sec-fetch-site": "same-site" } })),
      5,
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(400)]);
    expect(await testDb().apiToken.count({ where: { userId: u.id } })).toBe(1);
  }, 60_000);
});

describe("a magic link finished in the single-page app", () => {
  async function mailedMagicLink(email: string): Promise<string> {
    const message = await testDb().outbox.findFirstOrThrow({
      where: { to: email, kind: "magic_link.requested" },
      orderBy: { id: "desc" },
      select: { id: true, status: true, text: true, secret: true, secretAt: true },
    });
    return emailText(message, inject("databaseUrl")).match(/Sign in to Zporta Academy: (\S+)/)![1];
  }

  it("asked for from the app with a return address: the page sends the browser back with a code (no token in any address), the app swaps it", async () => {
    const user = await registeredUser();
    const back = `${APEX}/login/magic?from=email`;
    const asked = await http("/api/users/magic-link-request/", {
      base: server.baseUrl,
      body: { email: user.email, redirect: back },
      headers: { origin: APEX, "sec-fetch-site": "same-site" },
    });
    expect(asked.status).toBe(200);
    const link = await mailedMagicLink(user.email);
    expect(link).toContain(`?redirect=${encodeURIComponent(back)}`);

    const context = await browser.newContext();
    const visited: string[] = [];
    await context.route(`${APEX}/**`, (route) => {
      visited.push(route.request().url());
      return route.fulfill({ contentType: "text/html", body: "<p>the app</p>" });
    });
    const page = await context.newPage();
    await page.goto(link.replace(/^https?:\/\/[^/]+/, server.baseUrl));
    await page.getByText("You will then be taken back to zportaacademy.com, signed in.").waitFor();
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/^https:\/\/zportaacademy\.com\/login\/magic\?from=email&code=/);
    const code = new URL(page.url()).searchParams.get("code")!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const url of visited) expect(url).not.toMatch(/token=/);
    await context.close();

    const res = await exchange(code);
    expect(res.status).toBe(200);
    expect(res.json!.username).toBe(user.username);
    expect((await exchange(code)).status).toBe(400);
  }, 90_000);

  it("a return address on any other origin is ignored: the link carries none, the page signs in here", async () => {
    const user = await registeredUser();
    await http("/api/users/magic-link-request/", { base: server.baseUrl, body: { email: user.email, redirect: "https://evil.example/steal" }, headers: { origin: APEX } });
    const link = await mailedMagicLink(user.email);
    expect(link).not.toContain("redirect");
    const page = await http(`${new URL(link).pathname}?redirect=${encodeURIComponent("https://evil.example/steal")}`, { base: server.baseUrl });
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("taken back");
    // The button's form carries no return address (Next's own payload echoes the query).
    expect(page.text).not.toContain('name="redirect"');
    expect(page.text).not.toContain('\\"redirect\\":');
  });
});
