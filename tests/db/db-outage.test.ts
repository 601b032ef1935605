import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { launchBrowser } from "../support/browser";
import { STRONG_PASSWORD, uniq } from "../support/helpers";
import { startAppServer, type AppServer } from "../support/stack";
import { startTcpProxy } from "../support/tcp-proxy";
import { logEntries, waitFor } from "../support/wait";

// Database outages, on a stack of this file's own (its own PostgreSQL, which is really
// stopped and started again, behind a TCP proxy that can also refuse or black-hole
// connections) so that no other test sees the outage. The server is never restarted:
// every recovery here is the app's own.

const UNAVAILABLE = '{"error":"Service temporarily unavailable. Please try again."}';
// Generous bounds that only say "answered rather than hung": the configured timeouts
// below are 1.5 s (connect), 3 s (statement) and 4 s (query).
const NO_HANG_MS = 20_000;

let browser: Browser;
let signedIn: Page;
let dir: string;
let pgPort: number;
let db: EmbeddedDatabase;
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let server: AppServer;
let directUrl: string;

const startPostgres = () => startEmbeddedPostgres({ dir, persistent: true, port: pgPort });

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "zporta-outage-"));
  chmodSync(dir, 0o755);
  pgPort = await freePort();
  db = await startPostgres();
  directUrl = db.url;
  await migrate(db.url);
  proxy = await startTcpProxy({ host: "127.0.0.1", port: pgPort });
  const viaProxy = new URL(db.url);
  viaProxy.port = String(proxy.port);
  server = await startAppServer({
    databaseUrl: viaProxy.toString(),
    workers: 1,
    env: {
      DB_CONNECT_TIMEOUT_MS: "1500",
      DB_STATEMENT_TIMEOUT_MS: "3000",
      DB_QUERY_TIMEOUT_MS: "4000",
      HEALTH_TIMEOUT_MS: "1000",
    },
  });
  // A member signed in before the outage: their pages read the database on every request.
  browser = await launchBrowser();
  signedIn = await browser.newPage();
  const member = uniq("member");
  expect((await register(member)).status).toBe(201);
  await signedIn.goto(`${server.baseUrl}/login`);
  await signedIn.getByLabel("Username or email").fill(member);
  await signedIn.getByLabel("Password").fill(STRONG_PASSWORD);
  await signedIn.getByRole("button", { name: "Sign in", exact: true }).click();
  await signedIn.waitForURL(/\/account$/, { timeout: NO_HANG_MS });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await proxy?.close();
  await db?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function register(username = uniq("out")) {
  const res = await fetch(`${server.baseUrl}/api/users/register/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, email: `${username}@example.com`, password: STRONG_PASSWORD }),
    signal: AbortSignal.timeout(NO_HANG_MS),
  });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

async function health(which: "live" | "ready") {
  const res = await fetch(`${server.baseUrl}/api/health/${which}`, { signal: AbortSignal.timeout(NO_HANG_MS) });
  return { status: res.status, json: await res.json() };
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: directUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe("when the database goes away", () => {
  let interrupted: Promise<{ status: number; body: string; headers: Headers }>;
  let interruptedName: string;

  it("is ready while the database answers", async () => {
    expect(await health("ready")).toEqual({ status: 200, json: { status: "ready", checks: { database: "ok", migrations: "ok" } } });
  });

  it("a registration cut by PostgreSQL stopping mid-transaction answers 503", async () => {
    // Hold the Profile table so that the registration's statement (one INSERT of the user
    // and its profile, lib/users/register.ts) stops half-way, holding "User" for writing,
    // then stop PostgreSQL under it.
    const locker = new pg.Client({ connectionString: directUrl });
    locker.on("error", () => {});
    await locker.connect();
    await locker.query(`BEGIN; LOCK TABLE "Profile" IN ACCESS EXCLUSIVE MODE`);
    interruptedName = uniq("cut");
    interrupted = register(interruptedName);
    const waiting = await waitFor("the registration to wait on the Profile insert", async () => {
      const rows = await query<{ pid: number; query: string }>(
        `SELECT pid, query FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO "Profile"%' AND pid <> pg_backend_pid()`,
      );
      return rows[0];
    });
    // It holds a write lock on "User": whatever it wrote there is uncommitted.
    const userLock = await query(
      `SELECT 1 FROM pg_locks WHERE pid = $1 AND relation = '"User"'::regclass AND mode = 'RowExclusiveLock'`,
      [waiting.pid],
    );
    expect(userLock).toHaveLength(1);

    // A fast shutdown terminates every backend, in no set order: had the locker's ended
    // first, the one-statement sign-up could have taken the lock and committed before its
    // own end. Terminating the registration's backend first (as the shutdown would) makes
    // the cut certain; then PostgreSQL stops.
    await query(`SELECT pg_terminate_backend($1)`, [waiting.pid]);
    await db.stop();
    // From now on the port is closed, as it is when PostgreSQL runs on the app's host.
    await proxy.setMode("refuse");
    const res = await interrupted;
    expect(res.status).toBe(503);
    expect(res.body).toBe(UNAVAILABLE);
    expect(res.headers.get("retry-after")).toBe("5");
    await locker.end().catch(() => {});
  });

  it("with PostgreSQL stopped, the API answers 503 with Retry-After, at once", async () => {
    const res = await register();
    expect(res.status).toBe(503);
    expect(res.body).toBe(UNAVAILABLE);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const logged = await waitFor("a db.unavailable log line", () =>
      logEntries(server.logFile).find((l) => l.event === "db.unavailable" && l.requestId === res.headers.get("x-request-id")),
    );
    expect(logged.level).toBe("warn");
  });

  it("with PostgreSQL stopped, readiness fails without secrets and liveness holds", async () => {
    const ready = await health("ready");
    expect(ready).toEqual({ status: 503, json: { status: "unavailable", checks: { database: "unreachable", migrations: "unknown" } } });
    expect(JSON.stringify(ready.json)).not.toMatch(/127\.0\.0\.1|postgres|password|ECONN/i);
    expect(await health("live")).toEqual({ status: 200, json: { status: "ok" } });
  });

  it("with PostgreSQL stopped, the sign-up page tells the person to try again", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.baseUrl}/signup`);
      const name = uniq("page");
      await page.getByLabel("Username").fill(name);
      await page.getByLabel("Email").fill(`${name}@example.com`);
      await page.getByLabel("Password").fill(STRONG_PASSWORD);
      await page.getByRole("button", { name: "Create account" }).click();
      const alert = page.locator("#form-error[role=alert]");
      await alert.waitFor({ timeout: NO_HANG_MS });
      const text = await alert.innerText();
      // The API's outage sentence, not the generic fault one: nothing is broken but the database.
      expect(text).toBe("Service temporarily unavailable. Please try again.");
      expect(await page.getByLabel("Username").inputValue()).toBe(name);
    } finally {
      await page.close();
    }
  });

  it("with PostgreSQL stopped, a signed-in member's pages show the friendly error page", async () => {
    const res = await signedIn.goto(`${server.baseUrl}/account`, { timeout: NO_HANG_MS });
    expect(res?.status()).toBeGreaterThanOrEqual(500);
    await expect.poll(() => signedIn.getByRole("heading", { level: 1 }).innerText(), { timeout: NO_HANG_MS }).toMatch(/temporarily unavailable/i);
    const text = await signedIn.locator("body").innerText();
    expect(text).toMatch(/try again/i);
    expect(text).not.toMatch(/prisma|postgres|ECONN|Application error|at \w+ \(/i);
  });

  it("recovers by itself when PostgreSQL returns; the interrupted registration left nothing behind", async () => {
    db = await startPostgres();
    await proxy.setMode("forward");
    await waitFor("readiness to return", async () => (await health("ready")).status === 200);
    const res = await register();
    expect(res.status).toBe(201);

    const leftovers = await query(`SELECT id FROM "User" WHERE username = $1`, [interruptedName]);
    expect(leftovers).toEqual([]);
    const orphans = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "User" u LEFT JOIN "Profile" p ON p."userId" = u.id WHERE p.id IS NULL`,
    );
    expect(orphans[0].n).toBe(0);
    // The name is free again: the cut registration never happened.
    expect((await register(interruptedName)).status).toBe(201);
    // The member's session survived the outage.
    await signedIn.goto(`${server.baseUrl}/account`, { timeout: NO_HANG_MS });
    await expect.poll(() => signedIn.getByRole("heading", { level: 1 }).innerText(), { timeout: NO_HANG_MS }).toBe("Your account");
  });

  it("a database host that stops answering (black hole) gives 503 within the configured timeouts, then recovers", async () => {
    await proxy.setMode("blackhole");
    const res = await register();
    expect(res.status).toBe(503);
    expect(res.body).toBe(UNAVAILABLE);
    expect((await health("ready")).json).toMatchObject({ status: "unavailable", checks: { database: "unreachable" } });
    expect((await health("live")).status).toBe(200);

    await proxy.setMode("forward");
    await waitFor("readiness to return", async () => (await health("ready")).status === 200);
    expect((await register()).status).toBe(201);
  });
});
