// `npm run bench`: the production setup under load, figures printed as Markdown tables.
//   (a) the incident at scale, through nginx in front of >= 2 workers: 200 simultaneous
//       sign-ups from 5 processes sharing 20 emails -> exactly 20 x 201, 180 x 400, no 5xx,
//       no user without a profile (the run fails otherwise);
//   (b) throughput of distinct sign-ups at concurrency 1, 4, 16, 64 with p50/p99 latency,
//       against the ceiling password hashing sets (cores / time of one hash, measured here);
//   (c) p99 of GET /api/health/live, idle and while 64 sign-ups are in flight;
//   (d) memory (RSS) of each process; (e) CPU per process and per sign-up;
//   (f) requests lost during a rolling restart (SIGHUP) under load;
//   (g) the nginx site's promises: JSON 413, X-Request-Id, the client address, and the
//       JSON / HTML answers when the app is down (the run fails otherwise);
//   (h) app and PostgreSQL CPU per request of each kind (sign-up, rejected duplicate,
//       token- and cookie-authenticated profile read, and the empty liveness route as
//       Next's own floor), through nginx and directly against the app.
// Settings: BENCH_WORKERS (default 2), BENCH_SECONDS per measurement (default 10),
// DATABASE_URL (default: a throw-away embedded PostgreSQL), NGINX (path to the binary).
// Figures only: nothing here asserts a timing.
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { hashPassword } from "../lib/users/password-hash";
import { stopProcess } from "../scripts/support/next-server";
import { browserSessionCookie } from "../tests/support/browser-session";
import { countBy, storm } from "../tests/support/storm";
import { childrenOf, cpuSeconds, machineBusySeconds } from "./cpu";
import { closedLoop, fmt, percentile, sampler, table } from "./load";
import { startBenchStack } from "./stack";

const STRONG_PASSWORD = "SecurePass123!";
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = [1, 4, 16, 64];
const DIAGNOSTICS = process.env.BENCH_DIAGNOSTICS ? path.resolve(process.env.BENCH_DIAGNOSTICS) : undefined;
const progress = (m: string) => console.error(`[bench] ${m}`);

let n = 0;
const runId = Date.now().toString(36);
const nextUser = () => {
  const username = `b${runId}_${(n++).toString(36)}`;
  return { username, email: `${username}@example.com`, password: STRONG_PASSWORD };
};

async function main(): Promise<number> {
  const cores = os.availableParallelism();
  if (DIAGNOSTICS) mkdirSync(DIAGNOSTICS, { recursive: true });
  const loadBefore = os.loadavg();
  const stack = await startBenchStack({
    name: "bench",
    workers: WORKERS,
    nginx: true,
    env: { EVENT_LOOP_REPORT_MS: "1000" },
    // BENCH_DIAGNOSTICS=dir: a V8 CPU profile of every server process (written when it
    // exits, at the end) and a heap snapshot of worker 1 after the load, all in `dir`.
    nodeArgs: DIAGNOSTICS ? ["--cpu-prof", "--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${DIAGNOSTICS}`] : [],
    log: progress,
  });
  try {
    const { db, server, logFile, pgSeconds } = stack;
    const nginx = stack.nginx!;
    const workers = server.workers();
    const nginxPids = [nginx.pid, ...childrenOf(nginx.pid)];
    const direct = stack.appUrl;
    const register = async (body = nextUser(), base = nginx.url) => {
      const res = await fetch(`${base}/api/users/register/`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      await res.arrayBuffer();
      return res.status;
    };
    const live = async (base = nginx.url) => {
      const res = await fetch(`${base}/api/health/live`);
      await res.arrayBuffer();
      return res.status;
    };
    const read = async (headers: Record<string, string>, base: string) => {
      const res = await fetch(`${base}/api/users/profile/`, { headers });
      await res.arrayBuffer();
      return res.status;
    };

    // The hashing ceiling, measured in this run on this machine.
    progress("measuring one password hash…");
    for (let i = 0; i < 3; i++) await hashPassword(STRONG_PASSWORD);
    const hashTimes: number[] = [];
    const hashCpuFrom = process.cpuUsage();
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await hashPassword(STRONG_PASSWORD);
      hashTimes.push(performance.now() - t0);
    }
    const hashCpu = process.cpuUsage(hashCpuFrom);
    const hashMs = hashTimes.reduce((a, b) => a + b, 0) / hashTimes.length;
    // CPU time of one hash (this process did nothing else meanwhile): what "CPU beyond the
    // hash" subtracts. On a busy machine the wall time above grows, the CPU time does not.
    const hashCpuMs = (hashCpu.user + hashCpu.system) / 1000 / hashTimes.length;
    // The ceiling uses the hash's CPU time when the wall time is longer: on a machine busy
    // with other work the wall time measures the queue for a core, not the hash.
    const hashBasisMs = Math.min(hashMs, hashCpuMs);
    const ceiling = cores / (hashBasisMs / 1000);

    // (a) the storm.
    progress("(a) 200 simultaneous sign-ups, 20 shared emails, 5 processes, through nginx…");
    const emails = Array.from({ length: 20 }, (_, i) => `shared${i}_${runId}@example.com`);
    const stormRequests = Array.from({ length: 200 }, (_, i) => {
      const u = nextUser();
      const email = i % 3 === 0 ? emails[i % 20].toUpperCase() : emails[i % 20];
      return { path: "/api/users/register/", body: { ...u, email } };
    });
    const { results } = await storm(nginx.url, stormRequests, 5);
    const counts = countBy(results);
    const created = counts['201 {"message":"User registered successfully."}'] ?? 0;
    const taken = counts['400 {"error":"Email already registered."}'] ?? 0;
    const serverErrors = results.filter((r) => r.status >= 500 || r.status === 0).length;
    const dbCheck = await (async () => {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      try {
        const perEmail = await c.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "User" WHERE lower(email) = ANY($1) GROUP BY lower(email)`,
          [emails.map((e) => e.toLowerCase())],
        );
        const orphans = await c.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "User" u LEFT JOIN "Profile" p ON p."userId" = u.id WHERE p.id IS NULL`,
        );
        return { emailsWithOneUser: perEmail.rows.filter((r) => r.n === 1).length, emailsWithMore: perEmail.rows.filter((r) => r.n > 1).length, orphans: orphans.rows[0].n };
      } finally {
        await c.end();
      }
    })();
    const stormOk =
      created === 20 && taken === 180 && serverErrors === 0 && dbCheck.emailsWithOneUser === 20 && dbCheck.emailsWithMore === 0 && dbCheck.orphans === 0;

    // (b) throughput by concurrency.
    progress("warming up…");
    await closedLoop({ concurrency: 4, durationMs: 2000, fire: () => register() });
    // CPU accounting over (b) and (c).
    const cpuParts = () => ({
      postgres: pgSeconds(),
      workers: server.workers().reduce((a, pid) => a + cpuSeconds(pid), 0),
      primary: cpuSeconds(server.child.pid!),
      nginx: nginxPids.reduce((a, pid) => a + cpuSeconds(pid), 0),
      client: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
      machine: machineBusySeconds(),
    });
    const cpuBefore = cpuParts();
    const wallBefore = performance.now();
    const levels = [];
    for (const concurrency of CONCURRENCY) {
      progress(`(b) concurrency ${concurrency} for ${SECONDS} s…`);
      levels.push(await closedLoop({ concurrency, durationMs: SECONDS * 1000, fire: () => register() }));
    }

    // (c) liveness latency, idle and under 64 sign-ups in flight.
    progress(`(c) health latency idle, then under 64 sign-ups in flight, ${SECONDS} s each…`);
    const idleFrom = Date.now();
    const idle = sampler(live);
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    const idleResult = await idle.stop();
    const busyFrom = Date.now();
    const busy = sampler(live);
    const underLoad = await closedLoop({ concurrency: 64, durationMs: SECONDS * 1000, fire: () => register() });
    const busyResult = await busy.stop();
    const busyTo = Date.now();
    // The workers' own view of their event loop over the same windows (worker.event_loop
    // log lines, one per second per worker).
    const loopStats = (from: number, to: number) => {
      const lines = readFileSync(logFile, "utf8")
        .split("\n")
        .filter((l) => l.includes('"worker.event_loop"'))
        .map((l) => JSON.parse(l) as { time: string; lagP99Ms: number; lagMaxMs: number; utilization: number })
        .filter((l) => Date.parse(l.time) > from + 1000 && Date.parse(l.time) <= to);
      return {
        lagP99: Math.max(...lines.map((l) => l.lagP99Ms)),
        lagMax: Math.max(...lines.map((l) => l.lagMaxMs)),
        utilization: lines.reduce((a, l) => a + l.utilization, 0) / lines.length,
      };
    };
    const idleLoop = loopStats(idleFrom, busyFrom);
    const busyLoop = loopStats(busyFrom, busyTo);

    const cpuAfter = cpuParts();
    const spentListed = () =>
      (["workers", "primary", "nginx", "client", "postgres"] as const).reduce((a, k) => a + cpuAfter[k] - cpuBefore[k], 0);

    const wallSeconds = (performance.now() - wallBefore) / 1000;
    const signupsMeasured = [...levels, underLoad].reduce((a, l) => a + (l.statuses["201"] ?? 0), 0);

    // (h) app CPU per request, one kind of request at a time: the workers' CPU time
    // (/proc/<pid>/stat, user + system, every thread: event loop, hashing pool, GC) over a
    // closed loop at concurrency 16, divided by the requests answered.
    const workerCpu = stack.workerSeconds;
    const cpuPer = async (label: string, expect: string, fire: () => Promise<number>) => {
      progress(`(h) app CPU per request: ${label}, ${SECONDS} s…`);
      const from = workerCpu();
      const pgFrom = pgSeconds();
      const r = await closedLoop({ concurrency: 16, durationMs: SECONDS * 1000, fire });
      const ms = ((workerCpu() - from) * 1000) / r.latenciesMs.length;
      const pgMs = ((pgSeconds() - pgFrom) * 1000) / r.latenciesMs.length;
      const ok = r.statuses[expect] ?? 0;
      return { label, requests: r.latenciesMs.length, ok, other: r.latenciesMs.length - ok, ms, pgMs, rate: r.latenciesMs.length / (r.elapsedMs / 1000) };
    };
    // The hash's CPU time again, right before: a busy machine changes it by the minute.
    const hashCpuNowFrom = process.cpuUsage();
    for (let i = 0; i < 20; i++) await hashPassword(STRONG_PASSWORD);
    const hashCpuNow = process.cpuUsage(hashCpuNowFrom);
    const hashCpuMsNow = (hashCpuNow.user + hashCpuNow.system) / 1000 / 20;
    const existing = nextUser();
    await register(existing);
    // One member signed in twice: an API token and a browser session cookie.
    const login = await fetch(`${direct}/api/users/login/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: existing.username, password: existing.password }),
    });
    const { token } = (await login.json()) as { token: string };
    const cookie = await browserSessionCookie(direct, existing.username, existing.password);
    const perRequest: { via: string; rows: Awaited<ReturnType<typeof cpuPer>>[] }[] = [];
    for (const [via, base] of [["through nginx", nginx.url], ["direct to the app", direct]] as const) {
      perRequest.push({
        via,
        rows: [
          await cpuPer(`distinct sign-ups (201), ${via}`, "201", () => register(nextUser(), base)),
          await cpuPer(`sign-up of a taken username/email (400, no hash), ${via}`, "400", () => register(existing, base)),
          await cpuPer(`GET /api/users/profile/ with a token, ${via}`, "200", () => read({ authorization: `Token ${token}` }, base)),
          await cpuPer(`GET /api/users/profile/ with a session cookie, ${via}`, "200", () => read({ cookie }, base)),
          await cpuPer(`GET /api/health/live (an empty route: Next's floor), ${via}`, "200", () => live(base)),
        ],
      });
    }
    const [signupCpu, duplicateCpu] = perRequest[0].rows;
    const directRows = perRequest[1].rows;

    // (d) memory.
    const mem = (pid: number) => {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
      // RssFile: pages of the node binary and libraries, shared with the other Node processes.
      return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024, anon: kb("RssAnon") / 1024, file: kb("RssFile") / 1024 };
    };
    const memRows = [
      ["primary (supervisor)", server.child.pid!, mem(server.child.pid!)] as const,
      ...server.workers().map((pid, i) => [`worker ${i + 1}`, pid, mem(pid)] as const),
    ];
    // The workers' own last report (worker.event_loop, once a second): V8 heap vs the rest.
    const lastMemoryReport = (pid: number) => {
      const line = readFileSync(logFile, "utf8")
        .split("\n")
        .filter((l) => l.includes('"worker.event_loop"') && l.includes(`"pid":${pid},`))
        .at(-1);
      return line ? (JSON.parse(line) as { heapUsedMiB?: number; heapTotalMiB?: number; externalMiB?: number }) : {};
    };

    const loadAfter = os.loadavg();

    if (DIAGNOSTICS) {
      // The heap of worker 1 as the load left it (Node writes it on SIGUSR2; it takes a
      // while and about the heap's size again in memory).
      const pid = server.workers()[0];
      const has = () => readdirSync(DIAGNOSTICS).some((f) => f.endsWith(".heapsnapshot") && f.includes(`.${pid}.`) && !f.endsWith(".tmp"));
      progress(`heap snapshot of worker ${pid} into ${DIAGNOSTICS}…`);
      process.kill(pid, "SIGUSR2");
      const deadline = Date.now() + 120_000;
      while (!has() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
      await new Promise((r) => setTimeout(r, 2000)); // the file is renamed when complete; let it settle
    }

    // (f) a rolling restart (what `systemctl reload` does on deploy) under load.
    progress("(f) rolling restart (SIGHUP) under 16 sign-ups in flight…");
    const before = server.workers();
    let reloaded = false;
    const reloadLoad = closedLoop({ concurrency: 16, durationMs: 60_000, fire: () => register(), until: () => reloaded });
    await new Promise((r) => setTimeout(r, 1000));
    const reloadStarted = performance.now();
    process.kill(server.child.pid!, "SIGHUP");
    while (!(server.workers().length === before.length && server.workers().every((pid) => !before.includes(pid)))) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const reloadSeconds = (performance.now() - reloadStarted) / 1000;
    await new Promise((r) => setTimeout(r, 1000));
    reloaded = true;
    const reload = await reloadLoad;

    // (g) what the nginx site promises, checked through it.
    progress("(g) checking the nginx site's behaviour…");
    const checks: [string, string, string][] = [];
    {
      const big = await fetch(`${nginx.url}/api/users/register/`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...nextUser(), bio: "x".repeat(70 * 1024) }),
      });
      checks.push(["body over 64 KiB", '413 {"error":"The request body must be at most 64 KiB."}', `${big.status} ${await big.text()}`]);
      const requestId = `bench-ip-${runId}`;
      const spoofed = await fetch(`${nginx.url}/api/users/register/`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "6.6.6.6", "x-client-ip": "6.6.6.6", "x-request-id": requestId },
        body: JSON.stringify(nextUser()),
      });
      await spoofed.arrayBuffer();
      checks.push(["X-Request-Id kept through nginx", requestId, spoofed.headers.get("x-request-id") ?? "(none)"]);
      await new Promise((r) => setTimeout(r, 300));
      const line = readFileSync(logFile, "utf8")
        .split("\n")
        .find((l) => l.includes(requestId) && l.includes("registration.succeeded"));
      const seenIp = line ? (JSON.parse(line) as { clientIp?: string }).clientIp : "(no log line)";
      checks.push(["client address behind nginx, X-Forwarded-For and X-Client-IP spoofed", "127.0.0.1 (what nginx saw)", String(seenIp)]);
      await stopProcess(server.child);
      const healthDown = await fetch(`${nginx.url}/api/health/live`);
      checks.push(["app stopped: liveness probe", "503", String(healthDown.status)]);
      await healthDown.arrayBuffer();
      const apiDown = await fetch(`${nginx.url}/api/users/register/`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(nextUser()),
      });
      checks.push([
        "app stopped: API",
        '503 {"error":"Service temporarily unavailable. Please try again."} + Retry-After: 5',
        `${apiDown.status} ${await apiDown.text()} + Retry-After: ${apiDown.headers.get("retry-after")}`,
      ]);
      const pageDown = await fetch(`${nginx.url}/signup`);
      const html = await pageDown.text();
      checks.push(["app stopped: page", "503 + the friendly page", `${pageDown.status} ${/temporarily unavailable/.test(html) ? "+ the friendly page" : "(other page)"}`]);
    }
    const normalize = (v: string) => v.replace(" (what nginx saw)", "");
    const checksOk = checks.every(([, expected, got]) => normalize(expected) === normalize(got));

    // The report.
    const when = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    const out: string[] = [];
    out.push(`### Benchmark ${when}`);
    out.push("");
    out.push(
      `Node ${process.version}, ${cores} CPUs (${os.cpus()[0]?.model.trim() ?? "unknown"}), load average ${loadBefore.map((l) => fmt(l, 2)).join("/")} before and ${loadAfter.map((l) => fmt(l, 2)).join("/")} after; ` +
        `${workers.length} app workers behind nginx ${nginx.version}; PostgreSQL ${process.env.DATABASE_URL ? "from DATABASE_URL" : "embedded (same machine)"}; ` +
        `${SECONDS} s per measurement; load generated from this same machine.`,
    );
    out.push("");
    out.push(
      `Password hash (argon2id, 19 MiB, t=2, p=1): **${fmt(hashMs)} ms** each (mean of 20, sequential; ${fmt(hashCpuMs)} ms of CPU) → ceiling ${cores} cores ÷ ${fmt(hashBasisMs)} ms = **${fmt(ceiling)} sign-ups/s**.`,
    );
    out.push("");
    const othersShare = (cpuAfter.machine - cpuBefore.machine - spentListed()) / (wallSeconds * cores);
    if (othersShare > 0.1) {
      out.push(
        `**The machine was busy**: other processes used ${fmt(othersShare * 100, 0)} % of its CPU during (b) and (c). Rates, latencies and shares of the ceiling ` +
          "are lower than this code reaches on a quiet machine; CPU per request (h) holds better, though contention inflates it too.",
      );
      out.push("");
    }
    out.push(`**(a) 200 simultaneous sign-ups, 20 shared emails, 5 client processes, through nginx** — ${stormOk ? "PASS" : "FAIL"}`);
    out.push("");
    out.push(
      table(
        ["outcome", "count", "expected"],
        [
          ["201 User registered successfully.", created, 20],
          ["400 Email already registered.", taken, 180],
          ["5xx or no answer", serverErrors, 0],
          ["other", results.length - created - taken - serverErrors, 0],
          ["shared emails with exactly one user (database)", dbCheck.emailsWithOneUser, 20],
          ["users without a profile (database, whole table)", dbCheck.orphans, 0],
        ],
      ),
    );
    out.push("");
    if (serverErrors > 0) {
      // Which answer: the app's admission refusal (Retry-After: 1), nginx's (Retry-After: 5), or none.
      const kinds = countBy(results.filter((r) => r.status >= 500 || r.status === 0).map((r) => ({ ...r, body: `${r.body} (Retry-After: ${r.retryAfter ?? "none"})` })));
      out.push(`5xx or no answer: ${Object.entries(kinds).map(([k, n]) => `${n} × \`${k}\``).join(", ")}.`);
      out.push("");
    }
    out.push("**(b) distinct sign-ups through nginx, closed loop**");
    out.push("");
    out.push(
      table(
        ["concurrency", "requests", "sign-ups/s", "p50 ms", "p99 ms", "share of hashing ceiling", "non-201"],
        levels.map((l) => {
          const total = l.latenciesMs.length;
          const ok = l.statuses["201"] ?? 0;
          const rate = ok / (l.elapsedMs / 1000);
          return [l.concurrency, total, fmt(rate), fmt(percentile(l.latenciesMs, 50)), fmt(percentile(l.latenciesMs, 99)), `${fmt((rate / ceiling) * 100, 0)} %`, total - ok];
        }),
      ),
    );
    out.push("");
    out.push("**(c) GET /api/health/live through nginx, one request after another**");
    out.push("");
    const healthRow = (
      label: string,
      r: { latenciesMs: number[]; statuses: Record<string, number> },
      loop: { lagP99: number; lagMax: number; utilization: number },
    ) => [
      label,
      r.latenciesMs.length,
      fmt(percentile(r.latenciesMs, 50)),
      fmt(percentile(r.latenciesMs, 99)),
      fmt(Math.max(...r.latenciesMs)),
      r.latenciesMs.length - (r.statuses["200"] ?? 0),
      `${fmt(loop.lagP99)} / ${fmt(loop.lagMax)}`,
      `${fmt(loop.utilization * 100, 0)} %`,
    ];
    out.push(
      table(
        ["condition", "samples", "p50 ms", "p99 ms", "max ms", "non-200", "workers' event-loop lag p99 / max ms", "event-loop utilization"],
        [
          healthRow("idle", idleResult, idleLoop),
          healthRow(`64 sign-ups in flight (${fmt((underLoad.statuses["201"] ?? 0) / (underLoad.elapsedMs / 1000))} sign-ups/s meanwhile)`, busyResult, busyLoop),
        ],
      ),
    );
    out.push("");
    out.push(
      "Lag: how late a 10 ms timer fired in the workers (worst 1 s window); high lag would mean something blocks the event loop. " +
        "Utilization: share of time the event loop was busy (mean of 1 s windows, both workers).",
    );
    out.push("");
    out.push("**(d) memory after the run**");
    out.push("");
    out.push(
      table(
        ["process", "pid", "RSS MiB", "of which anonymous / file-backed MiB", "peak RSS MiB", "V8 heap used / reserved MiB", "off-heap buffers MiB"],
        memRows.map(([label, pid, m]) => {
          const r = label.startsWith("worker") ? lastMemoryReport(pid) : {};
          return [label, pid, fmt(m.rss), `${fmt(m.anon)} / ${fmt(m.file)}`, fmt(m.peak), r.heapUsedMiB === undefined ? "" : `${fmt(r.heapUsedMiB)} / ${fmt(r.heapTotalMiB ?? NaN)}`, r.externalMiB === undefined ? "" : fmt(r.externalMiB)];
        }),
      ),
    );
    out.push("");
    out.push(`**(e) CPU during (b) and (c): ${fmt(wallSeconds, 0)} s, ${signupsMeasured} sign-ups**`);
    out.push("");
    const spent = (k: keyof typeof cpuBefore) => cpuAfter[k] - cpuBefore[k];
    const listed = spent("workers") + spent("primary") + spent("nginx") + spent("client") + spent("postgres");
    const cpuRow = (label: string, seconds: number) => [label, fmt(seconds), `${fmt((seconds / (wallSeconds * cores)) * 100, 0)} %`, fmt((seconds * 1000) / signupsMeasured)];
    out.push(
      table(
        ["process", "CPU s", `share of ${cores} cores`, "CPU ms per sign-up"],
        [
          cpuRow(`app workers (${workers.length})`, spent("workers")),
          cpuRow("supervisor", spent("primary")),
          cpuRow("nginx", spent("nginx")),
          cpuRow("load generator (this process)", spent("client")),
          ...(stack.embedded ? [cpuRow("PostgreSQL (embedded; backends that lived through the run)", spent("postgres"))] : []),
          cpuRow(`everything else (${stack.embedded ? "" : "PostgreSQL, "}other users of the machine)`, spent("machine") - listed),
          cpuRow("whole machine", spent("machine")),
        ],
      ),
    );
    out.push("");
    out.push(`**(h) app CPU per request** (both workers' CPU, /proc/<pid>/stat, over ${SECONDS} s of one kind of request at concurrency 16; PostgreSQL's CPU over the same window; one hash cost ${fmt(hashCpuMsNow)} ms of CPU just before, ${fmt(hashCpuMs)} ms at the start)`);
    out.push("");
    out.push(
      table(
        ["request", "answered", "per s", "expected answer", "other", "app CPU ms each", "beyond the hash", "PostgreSQL CPU ms each"],
        perRequest.flatMap(({ rows }) =>
          rows.map((r) => [r.label, r.requests, fmt(r.rate), r.ok, r.other, fmt(r.ms), r.label.startsWith("distinct sign-ups") ? fmt(r.ms - hashCpuMsNow) : "(no hash)", stack.embedded ? fmt(r.pgMs) : "(not embedded)"]),
        ),
      ),
    );
    out.push("");
    // Issue 13's targets, as ratios to this run's hash so they hold on any machine.
    const c16 = levels.find((l) => l.concurrency === 16);
    const c16Share = c16 ? ((c16.statuses["201"] ?? 0) / (c16.elapsedMs / 1000) / ceiling) * 100 : NaN;
    const busyP99 = percentile(busyResult.latenciesMs, 99);
    const workerRss = memRows.filter(([label]) => label.startsWith("worker")).map(([, , m]) => m.rss);
    const maxWorkerRss = Math.max(...workerRss);
    const verdict = (ok: boolean) => (ok ? "reached" : "not reached");
    out.push("**Targets (issue 13)**");
    out.push("");
    out.push(
      table(
        ["target", "goal", "this run", ""],
        [
          ["distinct sign-ups/s at concurrency 16, share of the hashing ceiling", "≥ 70 %", `${fmt(c16Share, 0)} %`, verdict(c16Share >= 70)],
          ["app CPU beyond the hash per successful sign-up", "≤ 6 ms", `${fmt(signupCpu.ms - hashCpuMsNow)} ms`, verdict(signupCpu.ms - hashCpuMsNow <= 6)],
          ["app CPU per rejected duplicate", "≤ 3 ms", `${fmt(duplicateCpu.ms)} ms`, verdict(duplicateCpu.ms <= 3)],
          ["/api/health/live p99 with 64 sign-ups in flight", "≤ 50 ms", `${fmt(busyP99)} ms`, verdict(busyP99 <= 50)],
          ["RSS per worker after the bench (largest)", "≤ 150 MB", `${fmt(maxWorkerRss)} MiB`, verdict(maxWorkerRss <= 150)],
        ],
      ),
    );
    out.push("");
    // Issue 24's targets: the per-request tax, direct to the app (nginx's share is its own).
    const [dSignup, dDuplicate, dToken, dCookie, dFloor] = directRows;
    out.push("**Targets (issue 24), direct to the app**");
    out.push("");
    out.push(
      table(
        ["target", "goal", "this run", ""],
        [
          ["app CPU per token-authenticated read", "≤ 4 ms", `${fmt(dToken.ms)} ms`, verdict(dToken.ms <= 4)],
          ["app CPU per cookie-authenticated read", "≤ 4 ms", `${fmt(dCookie.ms)} ms`, verdict(dCookie.ms <= 4)],
          ["app CPU per rejected duplicate", "≤ 4 ms", `${fmt(dDuplicate.ms)} ms`, verdict(dDuplicate.ms <= 4)],
          ["app CPU beyond the hash per sign-up", "≤ 8 ms", `${fmt(dSignup.ms - hashCpuMsNow)} ms`, verdict(dSignup.ms - hashCpuMsNow <= 8)],
          ["PostgreSQL CPU per sign-up", "≤ 3 ms", stack.embedded ? `${fmt(dSignup.pgMs)} ms` : "(not embedded)", stack.embedded ? verdict(dSignup.pgMs <= 3) : ""],
          ["RSS per worker after the bench (largest)", "< 200 MB", `${fmt(maxWorkerRss)} MiB`, verdict(maxWorkerRss < 200)],
          ["Next's floor (empty route), for reference", "", `${fmt(dFloor.ms)} ms`, ""],
        ],
      ),
    );
    out.push("");
    out.push(`**(f) rolling restart (SIGHUP, as \`systemctl reload\` on deploy) under 16 sign-ups in flight, through nginx**`);
    out.push("");
    out.push(
      table(
        ["workers replaced", "took s", "requests during the run", "201", "anything else"],
        [[`${before.length} → ${server.workers().length} new`, fmt(reloadSeconds), reload.latenciesMs.length, reload.statuses["201"] ?? 0, Object.entries(reload.statuses).filter(([k]) => k !== "201").map(([k, v]) => `${v} × ${k}`).join(", ") || "0"]],
      ),
    );
    out.push("");
    out.push(`**(g) the nginx site's promises** — ${checksOk ? "PASS" : "FAIL"}`);
    out.push("");
    out.push(table(["check", "expected", "got"], checks.map(([what, expected, got]) => [what, `\`${expected}\``, `\`${got}\``])));
    out.push("");
    out.push(`Command: \`npm run bench\`${process.env.BENCH_WORKERS ? ` with BENCH_WORKERS=${WORKERS}` : ""}${process.env.BENCH_SECONDS ? ` BENCH_SECONDS=${SECONDS}` : ""}.`);
    console.log(out.join("\n"));
    return stormOk && checksOk ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[bench] failed: ${(err as Error).message}`);
    process.exit(1);
  },
);
