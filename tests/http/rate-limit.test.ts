import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { registeredUser } from "../support/auth";
import { STRONG_PASSWORD, testDb, uniq, withPg } from "../support/helpers";
import { emailCount, mailedLink } from "../support/links";
import { startTestServer, type TestServer } from "../support/stack";
import { countBy, storm } from "../support/storm";
import { logEntries, waitFor } from "../support/wait";

// The limits are shared by every app process because the counters live in PostgreSQL.
// Proven here with two separate server processes on one database, both started with
// low limits (and their own key prefix, so the suite's other servers do not count),
// receiving simultaneous requests from 5 OS processes.

const LOGIN_MAX_FAILURES = 5;
const REGISTER_MAX_PER_IP = 6;
const INVALID = '{"error":"Invalid credentials"}';
const CREATED = '{"message":"User registered successfully."}';
const TOO_MANY = /^\{"error":"Too many attempts\. Try again in (\d+) seconds?\."\}$/;

// The budgets beyond one address, against one more server (two worker processes) that
// trusts X-Forwarded-For (TRUST_PROXY=1, as behind nginx): each test speaks from
// addresses of its own.
const MAX_VERIFICATIONS_PER_IP = 10;
const MAX_FAILURES_PER_ACCOUNT = 4;
// Long enough that a storm on a busy machine ends before the first wait does.
const ACCOUNT_DELAY_SECONDS = 8;
const TOKEN_MAX_PER_ACCOUNT = 3;
const LINK_MAX_PER_EMAIL_AND_ADDRESS = 2;

let servers: TestServer[] = [];
let proxied: TestServer;
let unlimited: TestServer;

beforeAll(async () => {
  const env = {
    RATE_LIMIT_PREFIX: uniq("rl"),
    LOGIN_MAX_FAILURES: String(LOGIN_MAX_FAILURES),
    LOGIN_MAX_FAILURES_PER_IP: "1000",
    REGISTER_MAX_PER_IP: String(REGISTER_MAX_PER_IP),
  };
  const db = inject("databaseUrl");
  [servers[0], servers[1], proxied, unlimited] = await Promise.all([
    startTestServer(db, env),
    startTestServer(db, env),
    startTestServer(
      db,
      {
        RATE_LIMIT_PREFIX: uniq("rlx"),
        TRUST_PROXY: "1",
        LOGIN_MAX_FAILURES: String(LOGIN_MAX_FAILURES),
        LOGIN_MAX_FAILURES_PER_IP: "1000",
        LOGIN_MAX_VERIFICATIONS_PER_IP: String(MAX_VERIFICATIONS_PER_IP),
        LOGIN_MAX_FAILURES_PER_ACCOUNT: String(MAX_FAILURES_PER_ACCOUNT),
        LOGIN_ACCOUNT_DELAY_SECONDS: String(ACCOUNT_DELAY_SECONDS),
        LOGIN_ACCOUNT_MAX_DELAY_SECONDS: "60",
        TOKEN_MAX_PER_ACCOUNT: String(TOKEN_MAX_PER_ACCOUNT),
        LINK_REQUEST_MAX_PER_EMAIL: String(LINK_MAX_PER_EMAIL_AND_ADDRESS),
        LINK_MAIL_INTERVAL_SECONDS: "300",
      },
      2,
    ),
    // Limits so low that the storms below would be refused at once, were they on.
    startTestServer(db, {
      RATE_LIMITS: "off",
      RATE_LIMIT_PREFIX: uniq("rloff"),
      LOGIN_MAX_FAILURES: "1",
      LOGIN_MAX_FAILURES_PER_IP: "1",
      LOGIN_MAX_VERIFICATIONS_PER_IP: "1",
      LOGIN_MAX_FAILURES_PER_ACCOUNT: "1",
      TOKEN_MAX_PER_ACCOUNT: "1",
      REGISTER_MAX_PER_IP: "1",
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([...servers, proxied, unlimited].filter(Boolean).map((s) => s.stop()));
});

/** Status and body, with every "Try again in N seconds" body folded into one key. */
function summarize(results: { status: number; body: string }[]) {
  return countBy(results.map((r) => ({ status: r.status, body: TOO_MANY.test(r.body) ? "<too many attempts>" : r.body })));
}

async function expectRetryAfter(res: Response): Promise<number> {
  expect(res.status).toBe(429);
  const body = await res.text();
  const seconds = Number(TOO_MANY.exec(body)?.[1]);
  expect(seconds).toBeGreaterThan(0);
  expect(res.headers.get("retry-after")).toBe(String(seconds));
  return seconds;
}

const pause = () => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 250));

/** One sign-in on the proxied server, as the client at `from` (the address nginx would append). */
function loginFrom(from: string, body: unknown, base = proxied.baseUrl): Promise<Response> {
  return fetch(`${base}/api/users/login/`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: JSON.stringify(body),
  });
}

describe("rate limits across two server processes", () => {
  it(`failed sign-ins: 20 simultaneous wrong guesses for one account, split over both servers → ${LOGIN_MAX_FAILURES} × 400, the rest 429`, async () => {
    const user = await registeredUser(); // made through the suite's main server
    const requests = Array.from({ length: 20 }, (_, i) => ({
      baseUrl: servers[i % 2].baseUrl,
      path: "/api/users/login/",
      body: { username: i % 3 ? user.email : user.email.toUpperCase(), password: `Wrong-guess-${i}` },
    }));
    const { results } = await storm(servers[0].baseUrl, requests, 5);
    const counts = summarize(results);
    console.log("login storm over two servers:", counts);
    expect(counts).toEqual({ [`400 ${INVALID}`]: LOGIN_MAX_FAILURES, "429 <too many attempts>": 20 - LOGIN_MAX_FAILURES });

    // Still locked on either server, even with the right password, with Retry-After.
    for (const server of servers) {
      const res = await fetch(`${server.baseUrl}/api/users/login/`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: user.email, password: user.password }),
      });
      await expectRetryAfter(res);
    }
  });

  it(`registrations: 15 simultaneous sign-ups from one address over both servers → ${REGISTER_MAX_PER_IP} × 201, the rest 429`, async () => {
    const tag = uniq("rlreg");
    const requests = Array.from({ length: 15 }, (_, i) => ({
      baseUrl: servers[i % 2].baseUrl,
      path: "/api/users/register/",
      body: { username: `${tag}_${i}`, email: `${tag}_${i}@example.com`, password: STRONG_PASSWORD },
    }));
    const { results } = await storm(servers[0].baseUrl, requests, 5);
    const counts = summarize(results);
    console.log("registration storm over two servers:", counts);
    expect(counts).toEqual({ [`201 ${CREATED}`]: REGISTER_MAX_PER_IP, "429 <too many attempts>": 15 - REGISTER_MAX_PER_IP });
    const created = await withPg((c) => c.query(`SELECT count(*)::int AS n FROM "User" WHERE username LIKE $1`, [`${tag}_%`]));
    expect(created.rows[0].n).toBe(REGISTER_MAX_PER_IP);

    for (const server of servers) {
      const res = await fetch(`${server.baseUrl}/api/users/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: uniq("late"), email: `${uniq("late")}@example.com`, password: STRONG_PASSWORD }),
      });
      await expectRetryAfter(res);
    }
  });
});

describe("budgets that rotating addresses or a correct password do not escape (TRUST_PROXY=1)", () => {
  it(`IPv6: 20 guesses from 20 addresses of one /64, each a different name → ${MAX_VERIFICATIONS_PER_IP} × 400, the rest 429; another /64 is not affected`, async () => {
    const requests = Array.from({ length: 20 }, (_, i) => ({
      baseUrl: proxied.baseUrl,
      path: "/api/users/login/",
      headers: { "x-forwarded-for": `2001:db8:a:1:${(i + 1).toString(16)}::${i + 7}` },
      body: { username: uniq("ghost6"), password: "Wrong-guess-1" },
    }));
    const { results } = await storm(proxied.baseUrl, requests, 5);
    const counts = summarize(results);
    console.log("IPv6 /64 rotation:", counts);
    expect(counts).toEqual({ [`400 ${INVALID}`]: MAX_VERIFICATIONS_PER_IP, "429 <too many attempts>": 20 - MAX_VERIFICATIONS_PER_IP });
    await expectRetryAfter(await loginFrom("2001:db8:a:1:ffff::1", { username: uniq("ghost6"), password: "x-y-z" }));
    // An IPv4-mapped spelling of some other client is that IPv4 client, not this /64.
    expect((await loginFrom("::ffff:198.51.100.61", { username: uniq("ghost6"), password: "x-y-z" })).status).toBe(400);
    expect((await loginFrom("2001:db8:a:2::1", { username: uniq("ghost6"), password: "x-y-z" })).status).toBe(400);
  });

  it("garbage in X-Forwarded-For is an ordinary request from the proxy's address, never a 500", async () => {
    for (const junk of ["garbage", "<script>, 1.2.3.4.5", "::::", "2001:db8::1::2", "x".repeat(3000)]) {
      const res = await loginFrom(junk, { username: uniq("ghostj"), password: "x-y-z" });
      expect(res.status, junk.slice(0, 20)).toBe(400);
      expect(await res.text()).toBe(INVALID);
    }
  });

  it(`successful sign-ins count too: 15 correct passwords from one address at once → ${MAX_VERIFICATIONS_PER_IP} × 200, the rest 429`, async () => {
    const users = await Promise.all(Array.from({ length: 5 }, () => registeredUser()));
    const requests = Array.from({ length: 15 }, (_, i) => ({
      baseUrl: proxied.baseUrl,
      path: "/api/users/login/",
      headers: { "x-forwarded-for": "198.51.100.50" },
      body: { username: users[i % 5].username, password: users[i % 5].password },
    }));
    const { results } = await storm(proxied.baseUrl, requests, 5);
    const counts = countBy(results.map((r) => ({ status: r.status, body: r.status === 200 ? "<token>" : TOO_MANY.test(r.body) ? "<too many attempts>" : r.body })));
    console.log("correct passwords from one address:", counts);
    expect(counts).toEqual({ "200 <token>": MAX_VERIFICATIONS_PER_IP, "429 <too many attempts>": 15 - MAX_VERIFICATIONS_PER_IP });
    // Still refused, even one at a time, and still allowed from elsewhere.
    await expectRetryAfter(await loginFrom("198.51.100.50", { username: users[0].username, password: users[0].password }));
    // (A fresh account: users[0] may already have spent this server's token budget of 3.)
    const fresh = await registeredUser();
    expect((await loginFrom("198.51.100.51", { username: fresh.username, password: fresh.password })).status).toBe(200);
  });

  it(`failures for one account from many addresses: after ${MAX_FAILURES_PER_ACCOUNT}, one attempt per growing delay; never locked; the owner's known address unaffected`, { timeout: 120_000 }, async () => {
    const user = await registeredUser();
    const right = { username: user.username, password: user.password };
    let n = 0;
    const stranger = () => (++n, `203.0.${Math.floor(n / 250)}.${(n % 250) + 1}`);
    // The owner signed in from home before the attack.
    expect((await loginFrom("192.0.2.10", right)).status).toBe(200);

    const requests = Array.from({ length: 12 }, (_, i) => ({
      baseUrl: proxied.baseUrl,
      path: "/api/users/login/",
      headers: { "x-forwarded-for": stranger() },
      body: { username: user.username, password: `Wrong-guess-${i}` },
    }));
    const { results } = await storm(proxied.baseUrl, requests, 5);
    const counts = summarize(results);
    console.log("one account from 12 addresses:", counts);
    expect(counts).toEqual({ [`400 ${INVALID}`]: MAX_FAILURES_PER_ACCOUNT, "429 <too many attempts>": 12 - MAX_FAILURES_PER_ACCOUNT });

    // Slowed down for everyone, the right password included…
    const first = await expectRetryAfter(await loginFrom(stranger(), right));
    expect(first).toBeLessThanOrEqual(ACCOUNT_DELAY_SECONDS);
    // …except at the address the owner signed in from.
    expect((await loginFrom("192.0.2.10", right)).status).toBe(200);

    // When the delay is over, one more guess is checked; the next wait is longer.
    const checked = await waitFor("the delay to end", async () => {
      const res = await loginFrom(stranger(), { username: user.username, password: "Wrong-guess-late" });
      if (res.status === 400) return res;
      await res.arrayBuffer();
      await pause(); // each refused poll still costs the server a few statements
    }, 3 * ACCOUNT_DELAY_SECONDS * 1000);
    expect(await checked.text()).toBe(INVALID);
    const second = await expectRetryAfter(await loginFrom(stranger(), right));
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThanOrEqual(2 * ACCOUNT_DELAY_SECONDS);

    // Never locked: once the delay is over, the right password works from anywhere.
    const res = await waitFor("the account to sign in again", async () => {
      const r = await loginFrom(stranger(), right);
      if (r.status === 200) return r;
      await r.arrayBuffer();
      await pause();
    }, 4 * ACCOUNT_DELAY_SECONDS * 1000);
    expect((await res.json()).username).toBe(user.username);
  });

  it("the owner gets in while strangers hammer the slowed-down account from several processes: with the device cookie from a new address, and from a known address (review N-M1)", { timeout: 120_000 }, async () => {
    const user = await registeredUser();
    const right = { username: user.username, password: user.password };
    let n = 0;
    const stranger = () => (++n, `203.1.${Math.floor(n / 250)}.${(n % 250) + 1}`);
    // The owner signed in from home once, with a client that keeps cookies: it got a device cookie.
    const home = await loginFrom("192.0.2.30", right);
    expect(home.status).toBe(200);
    const device = home.headers.getSetCookie().find((c) => c.startsWith("zporta-device="));
    expect(device).toMatch(/^zporta-device=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    const deviceCookie = device!.split(";")[0];

    // Strangers push the account into the slow-down…
    const guess = (i: number) => ({ baseUrl: proxied.baseUrl, path: "/api/users/login/", headers: { "x-forwarded-for": stranger() }, body: { username: user.username, password: `Wrong-guess-${i}` } });
    await storm(proxied.baseUrl, Array.from({ length: 8 }, (_, i) => guess(i)), 4);
    // …where even the right password from a new address without the cookie waits.
    await expectRetryAfter(await loginFrom(stranger(), right));

    // Then they keep polling it from 5 processes while the owner signs in twice: from a
    // café (new address, device cookie) and from home (known address, no cookie).
    const requests = [
      ...Array.from({ length: 30 }, (_, i) => guess(100 + i)),
      { baseUrl: proxied.baseUrl, path: "/api/users/login/", headers: { "x-forwarded-for": "198.51.100.201", cookie: deviceCookie }, body: right },
      { baseUrl: proxied.baseUrl, path: "/api/users/login/", headers: { "x-forwarded-for": "192.0.2.30" }, body: right },
    ];
    const { results } = await storm(proxied.baseUrl, requests, 5);
    // (Results come back grouped by process, not in request order.) Only the owner's two
    // requests carry the right password, so only they can be a 200.
    const owner = results.filter((r) => r.status === 200);
    const strangers = summarize(results.filter((r) => r.status !== 200));
    console.log("owner among 30 polling strangers:", owner.length, "× 200;", strangers);
    expect(owner.map((r) => JSON.parse(r.body).username)).toEqual([user.username, user.username]);
    // The strangers gained nothing: no sign-in, at most the one guess per delay.
    expect(Object.keys(strangers).filter((k) => !k.startsWith("429") && k !== `400 ${INVALID}`)).toEqual([]);
    expect(strangers[`400 ${INVALID}`] ?? 0).toBeLessThanOrEqual(1);
  });

  it("link requests: strangers from many addresses cannot block the owner's own reset; one mailbox gets one email per interval; per (email, address) a hard stop", async () => {
    const user = await registeredUser();
    const request = (from: string) =>
      fetch(`${proxied.baseUrl}/api/users/password-reset/`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": from }, body: JSON.stringify({ email: user.email }) });
    const SENT = '{"message":"If an account exists for this email, a password reset link has been sent."}';
    // 12 strangers at once, from 12 addresses (several processes): the same answer for all,
    // and one email (the first), not twelve.
    const requests = Array.from({ length: 12 }, (_, i) => ({ baseUrl: proxied.baseUrl, path: "/api/users/password-reset/", headers: { "x-forwarded-for": `203.2.0.${i + 1}` }, body: { email: user.email } }));
    const { results } = await storm(proxied.baseUrl, requests, 4);
    expect(countBy(results)).toEqual({ [`200 ${SENT}`]: 12 });
    expect(await emailCount(testDb(), user.email, "password_reset.requested")).toBe(1);
    // One stranger address asking again and again: refused after its own budget.
    const again = [];
    for (let i = 0; i < 3; i++) again.push((await request("203.2.0.1")).status);
    expect(again).toEqual([200, 429, 429]);
    // The owner, from home: not refused, and the link in the mailbox works.
    const own = await request("192.0.2.31");
    expect(own.status).toBe(200);
    expect(await own.text()).toBe(SENT);
    const link = await mailedLink(testDb(), user.email, "password_reset.requested");
    const confirm = await fetch(`${proxied.baseUrl}/api/users/password-reset/confirm/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ uid: link.uid, token: link.token, new_password: "Another-Secure-Pass-61" }),
    });
    expect(confirm.status).toBe(200);
  });

  it(`API tokens: 4 correct sign-ins of one account from 4 addresses at once → ${TOKEN_MAX_PER_ACCOUNT} tokens, the rest 429`, async () => {
    const user = await registeredUser();
    // Four: the per-account budget (4 here) counts attempts in flight too.
    const requests = Array.from({ length: 4 }, (_, i) => ({
      baseUrl: proxied.baseUrl,
      path: "/api/users/login/",
      headers: { "x-forwarded-for": `198.18.0.${i + 1}` },
      body: { username: user.username, password: user.password },
    }));
    const { results } = await storm(proxied.baseUrl, requests, 4);
    expect(results.filter((r) => r.status === 200).map((r) => JSON.parse(r.body).username)).toEqual(Array(TOKEN_MAX_PER_ACCOUNT).fill(user.username));
    expect(results.filter((r) => r.status === 429).every((r) => TOO_MANY.test(r.body))).toBe(true);
    expect(results.filter((r) => r.status === 429)).toHaveLength(4 - TOKEN_MAX_PER_ACCOUNT);
    await expectRetryAfter(await loginFrom("198.18.0.9", { username: user.username, password: user.password }));
  });
});

describe("RATE_LIMITS=off", () => {
  it("says so in the log at start, and lets a storm of failures, sign-ins and sign-ups through", async () => {
    await waitFor("the rate_limits.disabled warning", () => logEntries(unlimited.serverLog).some((l) => l.event === "rate_limits.disabled" && l.level === "warn"));
    const user = await registeredUser();
    const tag = uniq("rloff");
    const requests = [
      ...Array.from({ length: 10 }, (_, i) => ({ path: "/api/users/login/", body: { username: user.username, password: `Wrong-guess-${i}` } })),
      ...Array.from({ length: 5 }, () => ({ path: "/api/users/login/", body: { username: user.username, password: user.password } })),
      ...Array.from({ length: 5 }, (_, i) => ({
        path: "/api/users/register/",
        body: { username: `${tag}_${i}`, email: `${tag}_${i}@example.com`, password: STRONG_PASSWORD },
      })),
    ];
    const { results } = await storm(unlimited.baseUrl, requests, 5);
    const counts = countBy(results.map((r) => ({ status: r.status, body: r.status === 200 ? "<token>" : r.body })));
    expect(counts).toEqual({ [`400 ${INVALID}`]: 10, "200 <token>": 5, [`201 ${CREATED}`]: 5 });
  });
});

describe("cross-site posts consume no budget (TRUST_PROXY=1)", () => {
  it("25 sign-up forms posted from another site from one address: all 403, and that address can still sign up", async () => {
    const tag = uniq("rlcs");
    const from = "198.51.100.99";
    for (let i = 0; i < 25; i++) {
      const res = await fetch(`${proxied.baseUrl}/api/users/register/`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", "x-forwarded-for": from },
        body: new URLSearchParams({ username: `${tag}_${i}`, email: `${tag}_${i}@example.com`, password: STRONG_PASSWORD }).toString(),
      });
      expect(res.status).toBe(403);
      expect(await res.text()).toBe('{"error":"Cross-site requests are not allowed."}');
    }
    // REGISTER_MAX_PER_IP keeps its default (20) on this server: 25 counted attempts would have spent it.
    const res = await fetch(`${proxied.baseUrl}/api/users/register/`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": from },
      body: JSON.stringify({ username: tag, email: `${tag}@example.com`, password: STRONG_PASSWORD }),
    });
    expect(res.status).toBe(201);
  });
});
