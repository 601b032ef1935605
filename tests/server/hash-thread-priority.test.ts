import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { OptionsError, readOptions } from "../../scripts/server/options";
import { DEFAULT_HASH_NICE, hashNiceFromEnv, threadPoolSize } from "../../lib/security/hash-thread-priority";
import { hashPassword } from "../../lib/users/password-hash";
import { STRONG_PASSWORD, uniq } from "../support/helpers";
import { startTestServer, type TestServer } from "../support/stack";
import { logEntries, waitFor } from "../support/wait";

// The password hashes' threads (libuv's pool) run at HASH_NICE below the worker's event
// loop (lib/security/hash-thread-priority.ts), read here from the kernel's own record of
// each thread of a running worker: /proc/<pid>/task/<tid>/stat.

interface ThreadStat {
  nice: number;
  /** utime + stime, in clock ticks. */
  cpu: number;
}

function threads(pid: number): Map<number, ThreadStat> {
  const out = new Map<number, ThreadStat>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let raw: string;
    try {
      raw = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
    } catch {
      continue; // a thread that ended meanwhile
    }
    // After "pid (comm) ": field 3 (state) is index 0, so field n is index n - 3.
    const f = raw.slice(raw.lastIndexOf(")") + 2).split(" ");
    out.set(Number(tid), { nice: Number(f[16]), cpu: Number(f[11]) + Number(f[12]) });
  }
  return out;
}

async function signUps(server: TestServer, n: number): Promise<void> {
  const prefix = uniq("nice");
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${server.baseUrl}/api/users/register/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: `${prefix}_${i}`, email: `${prefix}_${i}@example.com`, password: STRONG_PASSWORD }),
    });
    await res.arrayBuffer();
    expect(res.status).toBe(201);
  }
}

/** USER_HZ, the unit of /proc's utime and stime: 100 on every Linux build that matters. */
const CLOCK_TICKS_PER_S = 100;

/** CPU time of one of our password hashes, here (mean of 5). */
async function hashCpuMs(): Promise<number> {
  const from = process.cpuUsage();
  for (let i = 0; i < 5; i++) await hashPassword(STRONG_PASSWORD);
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000 / 5;
}

const workerPid = (server: TestServer) =>
  waitFor("the worker to listen", () => logEntries(server.serverLog).find((l) => l.event === "worker.listening")?.pid as number | undefined);

describe("HASH_NICE settings", () => {
  it("defaults to 10, 0 turns it off, anything else fails the start with one sentence", () => {
    expect(hashNiceFromEnv({})).toBe(DEFAULT_HASH_NICE);
    expect(DEFAULT_HASH_NICE).toBe(10);
    expect(hashNiceFromEnv({ HASH_NICE: "0" })).toBe(0);
    expect(hashNiceFromEnv({ HASH_NICE: " 19 " })).toBe(19);
    expect(() => readOptions(["--prod"], { NODE_ENV: "test", HASH_NICE: "20" })).toThrow(new OptionsError('HASH_NICE must be a whole number from 0 to 19, not "20".'));
    expect(() => readOptions(["--prod"], { NODE_ENV: "test", HASH_NICE: "-5" })).toThrow(new OptionsError('HASH_NICE must be a whole number from 0 to 19, not "-5".'));
    // libuv's own reading of UV_THREADPOOL_SIZE.
    expect([threadPoolSize(undefined), threadPoolSize("6"), threadPoolSize("0"), threadPoolSize("x"), threadPoolSize("5000")]).toEqual([4, 6, 1, 1, 1024]);
  });
});

describe("the hashing threads of a running worker", () => {
  let niced: TestServer;
  let plain: TestServer;
  beforeAll(async () => {
    const db = inject("databaseUrl");
    // HASH_NICE="" is the default; UV_THREADPOOL_SIZE is the supervisor's (HASH_CONCURRENCY + 4).
    [niced, plain] = await Promise.all([
      startTestServer(db, { HASH_NICE: "", UV_THREADPOOL_SIZE: "" }),
      startTestServer(db, { HASH_NICE: "0", UV_THREADPOOL_SIZE: "" }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([niced?.stop(), plain?.stop()]);
  });

  it("by default run 10 below the event loop, and they are the threads that hash", async () => {
    const pid = await workerPid(niced);
    const line = await waitFor("the hash.threads_niced line", () => logEntries(niced.serverLog).find((l) => l.event === "hash.threads_niced"));
    expect(line.pid).toBe(pid);
    const base = threads(pid).get(pid)!.nice; // the event loop's thread: its id is the process id
    const target = Math.min(19, base + 10);
    expect(line).toMatchObject({ level: "info", threads: 6, nice: target });

    await signUps(niced, 3); // first requests: Next's lazy set-up, V8 compiling
    const before = threads(pid);
    await signUps(niced, 30);
    const after = threads(pid);

    const low = [...after].filter(([, t]) => t.nice === target);
    expect(low.length).toBe(6);
    if (target !== base) {
      expect(after.get(pid)!.nice).toBe(base);
      expect([...after].filter(([, t]) => t.nice !== target && t.nice !== base)).toEqual([]);
    }
    // The hashes ran there: the niced threads used at least a third of the CPU time of
    // 30 hashes, measured in this process (CPU time, not wall time: it holds on a busy machine).
    const gained = (tid: number) => after.get(tid)!.cpu - (before.get(tid)?.cpu ?? 0);
    const lowCpuMs = (low.reduce((sum, [tid]) => sum + gained(tid), 0) * 1000) / CLOCK_TICKS_PER_S;
    expect(lowCpuMs).toBeGreaterThanOrEqual((30 * (await hashCpuMs())) / 3);
    // (A test server is production over plain http: its start says so, rightly, and that is all.)
    expect(logEntries(niced.serverLog).filter((l) => (l.level === "warn" || l.level === "error") && l.event !== "auth.insecure_cookies")).toEqual([]);
  });

  it("HASH_NICE=0 leaves every thread at the event loop's priority", async () => {
    const pid = await workerPid(plain);
    await signUps(plain, 3); // the pool exists and has hashed
    const all = threads(pid);
    const base = all.get(pid)!.nice;
    expect(all.size).toBeGreaterThan(6);
    expect([...all.values()].filter((t) => t.nice !== base)).toEqual([]);
    expect(logEntries(plain.serverLog).filter((l) => typeof l.event === "string" && l.event.startsWith("hash."))).toEqual([]);
  });
});
