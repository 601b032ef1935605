import cluster from "node:cluster";
import { logger } from "../../lib/log/logger";
import { hashThreadPoolSize } from "../../lib/security/hash-admission";
import { ensureBuild } from "../support/build";
import { ensureDatabase, type Database } from "../support/database";
import type { ServerOptions } from "./options";
import { checkPortFree } from "./port";
import { notifyParent, releaseDir, Supervisor } from "./supervisor";

// Kept here for the callers that import them from the supervisor's entry point.
export { WORKER_V8_DEFAULTS, withoutTsx, workerExecArgv } from "./worker-exec-argv";

// The supervisor process: builds if needed, brings up the database (embedded unless
// DATABASE_URL is set) and migrates it once, then runs `workers` server processes that
// share the port (Node's cluster; each worker accepts its own connections, see below),
// kept by a Supervisor (./supervisor.ts):
//   - a worker that dies is replaced (with a growing delay if it keeps dying at start);
//   - SIGHUP replaces the workers one by one from the release APP_DIR points to (a
//     zero-downtime deploy or rollback), migrating first;
//   - SIGTERM/SIGINT drain every worker, stop the embedded database, exit 0.
// When started with an IPC channel (tests, the benchmark) it reports its workers there,
// and stops if that channel closes, so a crashed test run leaves no server behind.

const log = logger.child({ role: "primary" });

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

  const supervisor = new Supervisor(opts, db, {
    // libuv's thread pool (4 threads unless told) runs the password hashes and also zlib,
    // file reads and DNS lookups: each worker gets its hashing slots plus spare threads,
    // so those never wait behind hashes. An operator's UV_THREADPOOL_SIZE wins.
    UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE?.trim() || String(hashThreadPoolSize(opts.hashAdmission)),
    // glibc gives each thread that allocates its own malloc arena (up to 8 per core), and
    // V8's background threads all do: two arenas left ~8 MiB less RSS per worker at no
    // CPU the bench could see (docs/performance.md, "Memory"). An operator's value wins.
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX?.trim() || "2",
    DATABASE_URL: db.url,
    PORT: String(opts.port),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  });

  process.on("SIGTERM", () => void supervisor.stop("SIGTERM"));
  process.on("SIGINT", () => void supervisor.stop("SIGINT"));
  process.on("SIGHUP", () => supervisor.reload());
  if (process.send) process.on("disconnect", () => void supervisor.stop("parent_gone"));

  await supervisor.start(opts.workers);
  log.info({ event: "server.ready", url, workers: supervisor.pids(), database: db.embedded ? "embedded" : "DATABASE_URL" }, `ready on ${url}`);
  notifyParent({ type: "ready", url, workers: supervisor.pids() });
}
