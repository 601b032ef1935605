// `npm run bench:hot`: only the per-request CPU of the hot path (issue 24 point 3), direct
// to the app, in interleaved rounds so a machine that drifts under other work affects
// every kind alike. Faster than `npm run bench` (which also runs the storm, the rates,
// the restart and nginx) when comparing two versions of the code on the same machine.
//   BENCH_WORKERS (default 1), BENCH_SECONDS per kind per round (default 4),
//   BENCH_ROUNDS (default 3), DATABASE_URL (default: a throw-away embedded PostgreSQL),
//   BENCH_KINDS (comma-separated: token, cookie, duplicate, signup, empty; default all),
//   BENCH_DIAGNOSTICS=dir (a V8 CPU profile of each server process, written at the end:
//   `npx tsx bench/profile-summary.ts dir/CPU.*.cpuprofile`),
//   BENCH_VIA=nginx (through the deploy site file in front, as `npm run bench` does),
//   BENCH_NODE_ARGS="--flag …" (Node options for the supervisor, which its workers inherit),
//   BENCH_HOLD=file (after the rounds, keep the stack up until that file is removed: to
//   read a worker's /proc/<pid>/smaps or load it further by hand).
// The workers' RSS after the rounds is printed too.
// Each row: the workers' CPU (/proc/<pid>/stat, every thread) ÷ requests answered at
// concurrency 16, the median and range over the rounds; PostgreSQL's CPU the same way.
// Figures only: nothing here asserts a timing.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { hashPassword } from "../lib/users/password-hash";
import { browserSessionCookie } from "../tests/support/browser-session";
import { machineBusySeconds } from "./cpu";
import { closedLoop, fmt, table } from "./load";
import { startBenchStack } from "./stack";

const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const KINDS = process.env.BENCH_KINDS?.split(",").map((k) => k.trim());
const DIAGNOSTICS = process.env.BENCH_DIAGNOSTICS ? path.resolve(process.env.BENCH_DIAGNOSTICS) : undefined;
const VIA_NGINX = process.env.BENCH_VIA === "nginx";
const PASSWORD = "SecurePass123!";
const progress = (m: string) => console.error(`[bench:hot] ${m}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<number> {
  if (DIAGNOSTICS) mkdirSync(DIAGNOSTICS, { recursive: true });
  const stack = await startBenchStack({
    name: "hot",
    workers: WORKERS,
    nginx: VIA_NGINX,
    nodeArgs: [...(DIAGNOSTICS ? ["--cpu-prof", `--diagnostic-dir=${DIAGNOSTICS}`] : []), ...(process.env.BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [])],
    log: progress,
  });
  try {
    const { server, pgSeconds, workerSeconds } = stack;
    const base = stack.nginx?.url ?? stack.appUrl;

    let n = 0;
    const runId = Date.now().toString(36);
    const nextUser = () => ({ username: `h${runId}_${(n++).toString(36)}`, email: `h${runId}_${n}@example.com`, password: PASSWORD });
    const send = async (url: string, init?: RequestInit) => {
      const res = await fetch(url, init);
      await res.arrayBuffer();
      return res.status;
    };
    const register = (body: object) => send(`${base}/api/users/register/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const member = nextUser();
    await register(member);
    const login = await fetch(`${base}/api/users/login/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(member) });
    const { token } = (await login.json()) as { token: string };
    const cookie = await browserSessionCookie(base, member.username, PASSWORD);

    const allKinds: { key: string; label: string; expect: string; fire: () => Promise<number>; beyondHash?: boolean }[] = [
      { key: "token", label: "GET /api/users/profile/ with a token", expect: "200", fire: () => send(`${base}/api/users/profile/`, { headers: { authorization: `Token ${token}` } }) },
      { key: "cookie", label: "GET /api/users/profile/ with a session cookie", expect: "200", fire: () => send(`${base}/api/users/profile/`, { headers: { cookie } }) },
      { key: "duplicate", label: "sign-up of a taken username/email (400, no hash)", expect: "400", fire: () => register(member) },
      { key: "signup", label: "distinct sign-ups (201), beyond one hash", expect: "201", fire: () => register(nextUser()), beyondHash: true },
      { key: "empty", label: "GET /api/health/live (an empty route: Next's floor)", expect: "200", fire: () => send(`${base}/api/health/live`) },
    ];
    const kinds = allKinds.filter((kind) => !KINDS || KINDS.includes(kind.key));
    progress("warming up…");
    for (const kind of kinds) await closedLoop({ concurrency: 8, durationMs: 1500, fire: kind.fire });

    const samples = kinds.map(() => ({ app: [] as number[], pg: [] as number[], bad: 0 }));
    const hashCpu: number[] = [];
    const machineFrom = machineBusySeconds();
    const wallFrom = Date.now();
    let ours = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const from = process.cpuUsage();
      for (let i = 0; i < 10; i++) await hashPassword(PASSWORD);
      const used = process.cpuUsage(from);
      hashCpu.push((used.user + used.system) / 1000 / 10);
      for (const [i, kind] of kinds.entries()) {
        progress(`round ${round}/${ROUNDS}: ${kind.label}, ${SECONDS} s…`);
        const appFrom = workerSeconds();
        const pgFrom = pgSeconds();
        const clientFrom = process.cpuUsage();
        const r = await closedLoop({ concurrency: 16, durationMs: SECONDS * 1000, fire: kind.fire });
        const appSpent = workerSeconds() - appFrom;
        const pgSpent = pgSeconds() - pgFrom;
        const client = process.cpuUsage(clientFrom);
        ours += appSpent + pgSpent + (client.user + client.system) / 1e6;
        const answered = r.latenciesMs.length;
        samples[i].app.push((appSpent * 1000) / answered - (kind.beyondHash ? hashCpu.at(-1)! : 0));
        samples[i].pg.push((pgSpent * 1000) / answered);
        samples[i].bad += answered - (r.statuses[kind.expect] ?? 0);
      }
    }
    const wall = (Date.now() - wallFrom) / 1000;
    const others = (machineBusySeconds() - machineFrom - ours) / (wall * os.availableParallelism());

    const rssMiB = server.workers().map((pid) => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) / 1024);
    const range = (xs: number[]) => `${fmt(median(xs))} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`;
    const out = [
      `### Hot path ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}`,
      "",
      `Node ${process.version}, ${os.availableParallelism()} CPUs, load average ${os.loadavg().map((l) => fmt(l, 2)).join("/")}; ` +
        `${WORKERS} worker(s), ${VIA_NGINX ? "through nginx" : "direct to the app"}, concurrency 16, ${ROUNDS} interleaved rounds of ${SECONDS} s; ` +
        `other processes used ${fmt(Math.max(0, others) * 100, 0)} % of the CPU meanwhile. One argon2id hash: ${range(hashCpu)} ms of CPU. ` +
        `Workers' RSS after the rounds: ${rssMiB.map((m) => fmt(m)).join(" / ")} MiB.`,
      "",
      table(
        ["request", "app CPU ms per request, median (range)", "PostgreSQL CPU ms", "unexpected answers"],
        kinds.map((kind, i) => [kind.label, range(samples[i].app), range(samples[i].pg), samples[i].bad]),
      ),
      "",
      `Command: \`npm run bench:hot\`${process.env.BENCH_WORKERS ? ` BENCH_WORKERS=${WORKERS}` : ""}${process.env.BENCH_SECONDS ? ` BENCH_SECONDS=${SECONDS}` : ""}${process.env.BENCH_ROUNDS ? ` BENCH_ROUNDS=${ROUNDS}` : ""}${VIA_NGINX ? " BENCH_VIA=nginx" : ""}${process.env.BENCH_NODE_ARGS ? ` BENCH_NODE_ARGS="${process.env.BENCH_NODE_ARGS}"` : ""}.`,
    ];
    console.log(out.join("\n"));
    if (process.env.BENCH_HOLD) {
      progress(`holding workers ${server.workers().join(" ")} until ${process.env.BENCH_HOLD} is removed…`);
      while (existsSync(process.env.BENCH_HOLD)) await new Promise((r) => setTimeout(r, 500));
    }
    return samples.some((s) => s.bad > 0) ? 1 : 0;
  } finally {
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[bench:hot] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
