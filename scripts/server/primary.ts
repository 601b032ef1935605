import cluster, { type Worker } from "node:cluster";
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { migrate } from "../../lib/db/migrate";
import { drainLog, logger } from "../../lib/log/logger";
import { hashThreadPoolSize } from "../../lib/security/hash-admission";
import { StartupError } from "../../lib/server/startup-error";
import { ensureBuild } from "../support/build";
import { SERVER_BUNDLE } from "../support/server-bundle";
import { ensureDatabase, type Database } from "../support/database";
import type { ServerOptions } from "./options";
import { checkPortFree } from "./port";

// The supervisor: builds if needed, brings up the database (embedded unless
// DATABASE_URL is set) and migrates it once, then runs `workers` server processes that
// share the port (Node's cluster; each worker accepts its own connections, see below).
//   - a worker that dies is replaced (with a growing delay if it keeps dying at start);
//   - SIGHUP replaces the workers one by one from the release APP_DIR points to (a
//     zero-downtime deploy or rollback), migrating first;
//   - SIGTERM/SIGINT drain every worker, stop the embedded database, exit 0.
// When started with an IPC channel (tests, the benchmark) it reports its workers there,
// and stops if that channel closes, so a crashed test run leaves no server behind.

const log = logger.child({ role: "primary" });

interface Slot {
  worker: Worker;
  startedAt: number;
  listening: boolean;
  /** Stopped on purpose (reload, shutdown): its exit is not a crash. */
  retiring: boolean;
  /** A reload's new worker that never listened: if it dies, the reload fails; no replacement. */
  candidate: boolean;
}

const FAST_CRASH_MS = 10_000;
const STARTUP_TIMEOUT_MS = 120_000;

/** The release to run: APP_DIR (a symlink switched by deploys) resolved now, or the cwd. */
function releaseDir(): string {
  return process.env.APP_DIR ? realpathSync(process.env.APP_DIR) : process.cwd();
}

/** Node's options minus a TypeScript loader (`--import tsx`, `--import=tsx`, `--require tsx/cjs`…). */
export function withoutTsx(execArgv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    if ((arg === "--import" || arg === "--require" || arg === "-r" || arg === "--loader") && /^tsx(\/|$)/.test(execArgv[i + 1] ?? "")) {
      i++;
      continue;
    }
    if (/^--(import|require|loader)=tsx(\/|$)/.test(arg)) continue;
    out.push(arg);
  }
  return out;
}

/**
 * V8 options the supervisor gives each worker, each unless the supervisor's own options
 * or NODE_OPTIONS name it (docs/performance.md, "Memory"; Node refuses
 * --heap-growing-percent in NODE_OPTIONS):
 * - a young generation of 4 MiB semi-spaces (V8 lets each grow to 16 MiB): a request's
 *   garbage is small and short-lived; ~40 MiB less RSS per worker after the bench;
 * - the old generation grown by at most 2× its live size after a full GC (V8 allows up
 *   to 4× when its heap limit is large, as on any server): ~60 MiB live, so ~140 MiB
 *   instead of ~230–290 MiB reserved after the bench, ~110 MiB less RSS, at no CPU per
 *   request the bench could tell from its noise (bench/README.md). No cap: a worker that needs more still gets it
 *   (--max-old-space-size would cap it, and cost CPU: 1.3× growth, more full GCs).
 */
export const WORKER_V8_DEFAULTS = ["--max-semi-space-size=4", "--heap-growing-percent=100"] as const;

/** A worker's Node options: the supervisor's minus the TypeScript loader, plus WORKER_V8_DEFAULTS. */
export function workerExecArgv(execArgv: string[], nodeOptions = process.env.NODE_OPTIONS ?? ""): string[] {
  const out = withoutTsx(execArgv);
  for (const flag of WORKER_V8_DEFAULTS) {
    const name = flag.slice(0, flag.indexOf("="));
    // V8 reads --heap-growing-percent and --heap_growing_percent alike.
    const spelled = [name, name.replace(/(?<=^--.*)-/g, "_")];
    if (![...out, nodeOptions].some((a) => spelled.some((n) => a.includes(n)))) out.push(flag);
  }
  return out;
}

function notifyParent(message: Record<string, unknown>): void {
  if (process.send && process.connected) process.send(message);
}

export async function runPrimary(opts: ServerOptions): Promise<void> {
  // Workers accept connections from the shared socket themselves. Node's default on Linux
  // (round-robin) has this process accept every connection and pass it to a worker over
  // IPC, with an acknowledgement back: measured at ~2.5 ms of CPU per request here and
  // ~1 ms in the worker, because nginx opens a connection per request (no upstream
  // keepalive, see the site file). A busy worker accepts less often, so the idle one takes
  // the next connection. NODE_CLUSTER_SCHED_POLICY=rr brings round-robin back.
  if (!process.env.NODE_CLUSTER_SCHED_POLICY) cluster.schedulingPolicy = cluster.SCHED_NONE;
  const progress = (msg: string) => log.info({ event: "start.progress" }, msg);
  process.chdir(releaseDir());
  // Quick checks first: a taken port or an unreachable database fails the start in
  // seconds, not after a build of minutes.
  await checkPortFree(opts.port, opts.host);
  const db: Database = await ensureDatabase({ temporary: false, log: progress, callerHandlesSignals: true });
  try {
    ensureBuild(progress);
  } catch (err) {
    await db.stop();
    throw err;
  }
  const url = `http://${opts.host && opts.host !== "0.0.0.0" && opts.host !== "::" ? opts.host : "localhost"}:${opts.port}`;

  const slots = new Map<number, Slot>();
  let shuttingDown = false;
  let fastCrashes = 0;
  const workerEnv = {
    // libuv's thread pool (4 threads unless told) runs the password hashes and also zlib,
    // file reads and DNS lookups: each worker gets its hashing slots plus spare threads,
    // so those never wait behind hashes. An operator's UV_THREADPOOL_SIZE wins.
    UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE?.trim() || String(hashThreadPoolSize(opts.hashAdmission)),
    DATABASE_URL: db.url,
    PORT: String(opts.port),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  const pids = () => [...slots.values()].filter((s) => !s.retiring).map((s) => s.worker.process.pid);

  function fork(candidate = false): Slot {
    const dir = releaseDir();
    // The compiled worker (scripts/support/server-bundle.ts), run by plain Node: this
    // process's TypeScript loader (`--import tsx`) is not passed on.
    cluster.setupPrimary({ exec: path.join(dir, SERVER_BUNDLE), execArgv: workerExecArgv(process.execArgv), cwd: dir });
    const worker = cluster.fork(workerEnv);
    const slot: Slot = { worker, startedAt: Date.now(), listening: false, retiring: false, candidate };
    slots.set(worker.id, slot);
    worker.once("listening", () => {
      slot.listening = true;
      slot.candidate = false;
    });
    return slot;
  }

  function whenListening(slot: Slot): Promise<void> {
    if (slot.listening) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the worker did not start listening in time")), STARTUP_TIMEOUT_MS);
      slot.worker.once("listening", () => {
        clearTimeout(timer);
        resolve();
      });
      slot.worker.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the worker exited during start (${signal ?? code})`));
      });
    });
  }

  /** Asks a worker to drain and exit; SIGKILL if it overstays its grace period. */
  function retire(slot: Slot): Promise<void> {
    slot.retiring = true;
    const { worker } = slot;
    if (worker.isDead()) return Promise.resolve();
    return new Promise((resolve) => {
      const killer = setTimeout(() => {
        log.warn({ event: "worker.killed", workerId: worker.id, pid: worker.process.pid }, "worker overstayed its grace period");
        worker.process.kill("SIGKILL");
      }, opts.graceMs + 10_000);
      worker.once("exit", () => {
        clearTimeout(killer);
        resolve();
      });
      if (worker.isConnected()) worker.send({ type: "shutdown" });
      else worker.process.kill("SIGTERM");
    });
  }

  cluster.on("exit", (worker, code, signal) => {
    const slot = slots.get(worker.id);
    slots.delete(worker.id);
    if (!slot) return;
    const pid = worker.process.pid;
    if (slot.retiring || shuttingDown) {
      log.info({ event: "worker.exited", workerId: worker.id, pid, code, signal }, "worker stopped");
      return;
    }
    if (slot.candidate) {
      log.error({ event: "worker.start_failed", workerId: worker.id, pid, code, signal }, "a new worker died before listening");
      return;
    }
    const uptimeMs = Date.now() - slot.startedAt;
    fastCrashes = uptimeMs < FAST_CRASH_MS ? fastCrashes + 1 : 0;
    const delayMs = fastCrashes === 0 ? 0 : Math.min(30_000, 500 * 2 ** (fastCrashes - 1));
    const facts = { workerId: worker.id, pid, code, signal, uptimeMs, restartInMs: delayMs };
    if (code === 0 && !signal) {
      // Stopped gracefully by someone else (an operator's kill): not a crash, still replaced.
      log.warn({ event: "worker.exited", ...facts }, "worker stopped from outside; starting a replacement");
    } else {
      log.error({ event: "worker.crashed", ...facts }, "worker died; starting a replacement");
    }
    setTimeout(() => {
      if (shuttingDown) return;
      const fresh = fork();
      whenListening(fresh).then(
        () => {
          log.info({ event: "worker.replaced", workerId: fresh.worker.id, pid: fresh.worker.process.pid, replaces: pid }, "replacement listening");
          notifyParent({ type: "workers", workers: pids() });
        },
        (err) => log.error({ event: "worker.start_failed", err: String(err) }, "replacement failed to start"),
      );
    }, delayMs).unref();
  });

  let reloading: Promise<void> | undefined;
  let reloadAgain = false;

  async function reloadOnce(): Promise<void> {
    const dir = releaseDir();
    log.info({ event: "workers.reloading", release: dir }, "rolling restart");
    if (!existsSync(path.join(dir, ".next", "BUILD_ID")) || !existsSync(path.join(dir, SERVER_BUNDLE))) {
      log.error({ event: "workers.reload_refused", release: dir, reason: "not_built" }, "the release has no build; run `npm run build` there first");
      return;
    }
    try {
      const result = await migrate(db.migrationUrl, { dir: path.join(dir, "prisma", "migrations") });
      if (result.applied.length) log.info({ event: "db.migrated", applied: result.applied }, "migrations applied");
    } catch (err) {
      log.error({ event: "workers.reload_refused", reason: "migration_failed", err: String(err) }, "migration failed; keeping the running workers");
      return;
    }
    for (const old of [...slots.values()].filter((s) => !s.retiring)) {
      if (shuttingDown) return;
      const fresh = fork(true);
      try {
        await whenListening(fresh);
      } catch (err) {
        log.error({ event: "workers.reload_failed", err: String(err) }, "a new worker failed to start; keeping the others");
        void retire(fresh);
        return;
      }
      // The new worker already takes connections; the old one finishes what it has.
      void retire(old);
    }
    log.info({ event: "workers.reloaded", release: dir, workers: pids() }, "rolling restart done");
    notifyParent({ type: "workers", workers: pids() });
  }

  function reload(): void {
    if (shuttingDown) return;
    if (reloading) {
      reloadAgain = true;
      return;
    }
    reloading = reloadOnce().finally(() => {
      reloading = undefined;
      if (reloadAgain) {
        reloadAgain = false;
        reload();
      }
    });
  }

  async function shutdown(reason: string, exitCode = 0): Promise<void> {
    if (shuttingDown) {
      // A second Ctrl-C: stop waiting.
      if (reason === "SIGINT") {
        for (const s of slots.values()) s.worker.process.kill("SIGKILL");
        await db.stop();
        process.exit(1);
      }
      return;
    }
    shuttingDown = true;
    log.info({ event: "server.stopping", reason, workers: pids() }, "stopping");
    await Promise.all([...slots.values()].map(retire));
    await db.stop();
    log.info({ event: "server.stopped", reason }, "stopped");
    await drainLog();
    process.exit(exitCode);
  }

  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGHUP", reload);
  if (process.send) process.on("disconnect", () => void shutdown("parent_gone"));

  const first = Array.from({ length: opts.workers }, fork);
  try {
    await Promise.all(first.map(whenListening));
  } catch (err) {
    // The worker said why on stderr and in the log; stop what started, then fail the start
    // with one sentence (scripts/server.ts prints it and exits 1).
    shuttingDown = true;
    await Promise.all([...slots.values()].map(retire));
    await db.stop();
    throw new StartupError(`The server process ${(err as Error).message.replace(/^the worker /, "")}; the lines above say why.`);
  }
  log.info({ event: "server.ready", url, workers: pids(), database: db.embedded ? "embedded" : "DATABASE_URL" }, `ready on ${url}`);
  notifyParent({ type: "ready", url, workers: pids() });
}
