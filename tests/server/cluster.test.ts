import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { realpath } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { STRONG_PASSWORD, uniq, withPg } from "../support/helpers";
import { holdEmails } from "../support/hold";
import { startAppServer, type AppServer } from "../support/stack";
import { countBy, storm } from "../support/storm";
import { logEntries, waitFor } from "../support/wait";

// The production server as `npm run start:prod` runs it, with 2 worker processes behind
// one port: the duplicate storm across workers, the client address behind a trusted
// proxy, and every way a worker or the whole server stops. Its own server, so that
// stopping workers never disturbs other test files; the database is the shared one.

const CREATED = '{"message":"User registered successfully."}';
const EMAIL_TAKEN = '{"error":"Email already registered."}';

let server: AppServer;
// As deployed: APP_DIR is a symlink to the release (here, this checkout), resolved again
// on every rolling restart.
let releases: string;
const current = () => path.join(releases, "current");
beforeAll(async () => {
  releases = mkdtempSync(path.join(os.tmpdir(), "zporta-releases-"));
  symlinkSync(process.cwd(), current());
  server = await startAppServer({ databaseUrl: inject("databaseUrl"), workers: 2, env: { TRUST_PROXY: "1", APP_DIR: current(), EVENT_LOOP_REPORT_MS: "200" } });
});
afterAll(async () => {
  await server?.stop();
  rmSync(releases, { recursive: true, force: true });
});

function switchRelease(target: string) {
  const next = path.join(releases, "current.new");
  symlinkSync(target, next);
  renameSync(next, current());
}

const log = () => logEntries(server.logFile);

async function register(body: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.baseUrl}/api/users/register/`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.text() };
}

const person = (email = `${uniq("cl")}@example.com`) => ({ username: uniq("cl"), email, password: STRONG_PASSWORD });

async function usersWithProfiles(emails: string[]) {
  return withPg(async (c) => {
    const { rows } = await c.query<{ n: number; orphans: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE p.id IS NULL)::int AS orphans
         FROM "User" u LEFT JOIN "Profile" p ON p."userId" = u.id
        WHERE lower(u.email) = ANY($1)`,
      [emails.map((e) => e.toLowerCase())],
    );
    return rows[0];
  });
}

describe("the production server with 2 workers", () => {
  it("runs two worker processes", async () => {
    expect(server.workers()).toHaveLength(2);
    expect(new Set(server.workers()).size).toBe(2);
  });

  it("60 simultaneous sign-ups over 6 shared emails, from 5 processes: exactly 6 × 201, 54 × 'Email already registered.', answered by both workers", async () => {
    const tag = uniq("storm");
    const emails = Array.from({ length: 6 }, () => `${uniq("shared")}@example.com`);
    const requests = Array.from({ length: 60 }, (_, i) => ({
      path: "/api/users/register/",
      body: { username: uniq(`s${i}`), email: i % 2 ? emails[i % 6].toUpperCase() : emails[i % 6], password: STRONG_PASSWORD },
      headers: { "x-request-id": `${tag}-${i}` },
    }));
    const { results } = await storm(server.baseUrl, requests, 5);
    const counts = countBy(results);
    console.log("2-worker storm:", counts);
    expect(counts).toEqual({ [`201 ${CREATED}`]: 6, [`400 ${EMAIL_TAKEN}`]: 54 });
    expect(await usersWithProfiles(emails)).toEqual({ n: 6, orphans: 0 });
    const pids = await waitFor("log lines of the storm", () => {
      const lines = log().filter((l) => String(l.requestId ?? "").startsWith(tag));
      return lines.length >= 60 && new Set(lines.map((l) => l.pid));
    });
    expect([...pids].sort()).toEqual([...server.workers()].sort());
  });

  it("stamps the client address from X-Forwarded-For's trusted hop (TRUST_PROXY=1), never from the client's own headers", async () => {
    const requestId = uniq("ip");
    const res = await register(person(), {
      "x-request-id": requestId,
      "x-forwarded-for": "6.6.6.6, 198.51.100.23",
      "x-client-ip": "1.1.1.1",
    });
    expect(res.status).toBe(201);
    const line = await waitFor("the registration log line", () => log().find((l) => l.requestId === requestId && l.event === "registration.succeeded"));
    expect(line.clientIp).toBe("198.51.100.23");
  });

  it("a worker told to stop (SIGTERM) finishes the registrations it holds, and a replacement takes its place", async () => {
    const people = Array.from({ length: 10 }, () => person());
    const hold = await holdEmails(inject("databaseUrl"), people.map((p) => p.email));
    const responses = Promise.all(people.map((p) => register(p)));
    let victim = 0;
    try {
      await waitFor("10 registrations waiting in the database", async () => (await hold.blocked()) === 10);
      // The kernel, not the supervisor, spreads connections over the workers (SCHED_NONE,
      // scripts/server/primary.ts): all 10 may sit in one. Stop one that holds some, as
      // its own report (every 200 ms here) says.
      const since = Date.now();
      const holder = await waitFor("a worker reporting registrations in flight", () =>
        log().find((l) => l.event === "worker.event_loop" && Date.parse(String(l.time)) > since && Number(l.inFlight) > 0 && server.workers().includes(Number(l.pid))),
      );
      victim = Number(holder.pid);
      process.kill(victim, "SIGTERM");
      await waitFor("the worker to start draining", () => log().find((l) => l.pid === victim && l.event === "worker.draining"));
    } finally {
      await hold.release();
    }
    const results = await responses;
    expect(countBy(results)).toEqual({ [`201 ${CREATED}`]: 10 });
    expect(await usersWithProfiles(people.map((p) => p.email))).toEqual({ n: 10, orphans: 0 });
    const draining = log().find((l) => l.pid === victim && l.event === "worker.draining")!;
    expect(draining.inFlight).toBeGreaterThan(0);
    await waitFor("a replacement worker", () => server.workers().length === 2 && !server.workers().includes(victim));
    const exited = await waitFor("the worker.exited line", () => log().find((l) => l.event === "worker.exited" && l.pid === victim));
    expect(exited).toMatchObject({ code: 0, level: "warn" });
  });

  it("a worker that crashes (SIGKILL) is logged as an error and replaced; the server keeps answering", async () => {
    const [victim] = server.workers();
    process.kill(victim, "SIGKILL");
    const crash = await waitFor("the crash log line", () => log().find((l) => l.event === "worker.crashed" && l.pid === victim));
    expect(crash).toMatchObject({ level: "error", signal: "SIGKILL" });
    await waitFor("a replacement worker", () => server.workers().length === 2 && !server.workers().includes(victim));
    expect((await register(person())).status).toBe(201);
  });

  it("SIGHUP refuses to roll onto a release that was not built, and keeps serving", async () => {
    const before = [...server.workers()];
    const unbuilt = path.join(releases, "unbuilt");
    mkdirSync(unbuilt);
    switchRelease(unbuilt);
    try {
      process.kill(server.child.pid!, "SIGHUP");
      const refused = await waitFor("the refusal", () => log().find((l) => l.event === "workers.reload_refused"));
      expect(refused).toMatchObject({ level: "error", reason: "not_built", release: await realpath(unbuilt) });
    } finally {
      switchRelease(process.cwd());
    }
    expect(server.workers()).toEqual(before);
    expect((await register(person())).status).toBe(201);
  });

  it("SIGHUP replaces every worker one by one under continuous load without losing a request", async () => {
    const before = [...server.workers()];
    const emails: string[] = [];
    const failures: string[] = [];
    const statuses: Record<string, number> = {};
    let stop = false;
    const loop = async (n: number) => {
      for (let i = 0; !stop; i++) {
        try {
          let status: number;
          if (i % 2 === 0) {
            const p = person();
            emails.push(p.email);
            status = (await register(p)).status;
          } else {
            const res = await fetch(`${server.baseUrl}/api/health/live`);
            await res.text();
            status = res.status;
          }
          statuses[status] = (statuses[status] ?? 0) + 1;
        } catch (err) {
          failures.push(`loop ${n}: ${String((err as Error).cause ?? err)}`);
        }
      }
    };
    const loops = Array.from({ length: 8 }, (_, n) => loop(n));
    await waitFor("some load", () => Object.values(statuses).reduce((a, b) => a + b, 0) > 20);
    process.kill(server.child.pid!, "SIGHUP");
    await waitFor("every worker replaced", () => server.workers().length === 2 && server.workers().every((p) => !before.includes(p)), 90_000);
    await waitFor("the old workers to exit", () => before.every((pid) => log().some((l) => l.event === "worker.exited" && l.pid === pid)), 60_000);
    const afterReload = Object.values(statuses).reduce((a, b) => a + b, 0);
    await waitFor("more load on the new workers", () => Object.values(statuses).reduce((a, b) => a + b, 0) > afterReload + 20);
    stop = true;
    await Promise.all(loops);
    console.log("rolling restart under load:", statuses, "failures:", failures.length);
    expect(failures).toEqual([]);
    expect(Object.keys(statuses).sort()).toEqual(["200", "201"]);
    expect(await usersWithProfiles(emails)).toEqual({ n: statuses[201], orphans: 0 });
  });

  it("SIGTERM to the server drains the registrations in flight, then exits 0", async () => {
    const people = Array.from({ length: 6 }, () => person());
    const hold = await holdEmails(inject("databaseUrl"), people.map((p) => p.email));
    const responses = Promise.all(people.map((p) => register(p)));
    const exited = new Promise<number | null>((resolve) => server.child.once("exit", (code) => resolve(code)));
    const workers = server.workers();
    try {
      await waitFor("6 registrations waiting in the database", async () => (await hold.blocked()) === 6);
      process.kill(server.child.pid!, "SIGTERM");
      await waitFor("both workers draining", () => workers.every((pid) => log().some((l) => l.pid === pid && l.event === "worker.draining")));
    } finally {
      await hold.release();
    }
    expect(countBy(await responses)).toEqual({ [`201 ${CREATED}`]: 6 });
    expect(await exited).toBe(0);
    expect(await usersWithProfiles(people.map((p) => p.email))).toEqual({ n: 6, orphans: 0 });
    expect(log().some((l) => l.event === "server.stopped")).toBe(true);
  });
});
