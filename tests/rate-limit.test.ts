import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { registeredUser } from "./support/auth";
import { STRONG_PASSWORD, uniq, withPg } from "./support/helpers";
import { startTestServer, type TestServer } from "./support/stack";
import { countBy, storm } from "./support/storm";

// The limits are shared by every app process because the counters live in PostgreSQL.
// Proven here with two separate server processes on one database, both started with
// low limits (and their own key prefix, so the suite's other servers do not count),
// receiving simultaneous requests from 5 OS processes.

const LOGIN_MAX_FAILURES = 5;
const REGISTER_MAX_PER_IP = 6;
const INVALID = '{"error":"Invalid credentials"}';
const CREATED = '{"message":"User registered successfully."}';
const TOO_MANY = /^\{"error":"Too many attempts\. Try again in (\d+) seconds?\."\}$/;

let servers: TestServer[] = [];

beforeAll(async () => {
  const env = {
    RATE_LIMIT_PREFIX: uniq("rl"),
    LOGIN_MAX_FAILURES: String(LOGIN_MAX_FAILURES),
    LOGIN_MAX_FAILURES_PER_IP: "1000",
    REGISTER_MAX_PER_IP: String(REGISTER_MAX_PER_IP),
  };
  servers = await Promise.all([startTestServer(inject("databaseUrl"), env), startTestServer(inject("databaseUrl"), env)]);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

/** Status and body, with every "Try again in N seconds" body folded into one key. */
function summarize(results: { status: number; body: string }[]) {
  return countBy(results.map((r) => ({ status: r.status, body: TOO_MANY.test(r.body) ? "<too many attempts>" : r.body })));
}

async function expectRetryAfter(res: Response) {
  expect(res.status).toBe(429);
  const body = await res.text();
  const seconds = Number(TOO_MANY.exec(body)?.[1]);
  expect(seconds).toBeGreaterThan(0);
  expect(res.headers.get("retry-after")).toBe(String(seconds));
}

describe("rate limits across two server processes", () => {
  it(`failed sign-ins: 20 simultaneous wrong guesses for one account, split over both servers → ${LOGIN_MAX_FAILURES} × 400, the rest 429`, async () => {
    const user = await registeredUser(); // made through the suite's main server
    const requests = Array.from({ length: 20 }, (_, i) => ({
      baseUrl: servers[i % 2].baseUrl,
      path: "/api/users/login/",
      body: { username: i % 3 ? user.username : user.email.toUpperCase(), password: `Wrong-guess-${i}` },
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
        body: JSON.stringify({ username: user.username, password: user.password }),
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
