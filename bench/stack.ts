import { closeSync, mkdtempSync, openSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../lib/db/embedded";
import { ensureBuild } from "../scripts/support/build";
import { ensureDatabase, type Database } from "../scripts/support/database";
import { spawnServer, stopProcess, type RunningServer } from "../scripts/support/next-server";
import { TEST_SERVER_ENV } from "../tests/support/stack";
import { childrenOf, commandOf, cpuSeconds, descendantsOf } from "./cpu";
import { locateNginx, startNginx } from "./nginx";

/**
 * Registration rate limits (lib/security/rate-limits.ts) must not throttle a benchmark
 * that signs up thousands of people from one address. TEST_SERVER_ENV raises the suite's
 * limits; the benchmark's own go here, under a key prefix of their own.
 */
export const BENCH_RATE_LIMIT_ENV: Record<string, string> = {
  REGISTER_MAX_PER_IP: "100000000",
  LOGIN_MAX_FAILURES_PER_IP: "100000000",
  RATE_LIMIT_PREFIX: "bench",
};

export interface BenchStack {
  db: Database;
  server: RunningServer;
  /** The app itself, and nginx in front of it when asked for. */
  appUrl: string;
  nginx?: Awaited<ReturnType<typeof startNginx>>;
  logFile: string;
  /** CPU seconds so far of the embedded PostgreSQL (every backend), and of the app's workers. */
  pgSeconds: () => number;
  workerSeconds: () => number;
  /** True when PostgreSQL is the embedded one this process started (its CPU is measurable). */
  embedded: boolean;
  stop: () => Promise<void>;
}

/**
 * What both benches run against, all on this machine and all stopped by `stop()`: a
 * throw-away embedded PostgreSQL (or DATABASE_URL), the production server
 * (scripts/server.ts, `workers` workers, TRUST_PROXY=1, no compression, as behind nginx)
 * and, with `nginx`, the deploy site file in front of it.
 */
export async function startBenchStack(opts: {
  name: string;
  workers: number;
  nginx: boolean;
  env?: Record<string, string>;
  nodeArgs?: string[];
  log: (m: string) => void;
}): Promise<BenchStack> {
  const nginxBinary = opts.nginx ? locateNginx(opts.log) : undefined;
  const scratch = mkdtempSync(path.join(os.tmpdir(), `zporta-${opts.name}-`));
  const db = await ensureDatabase({ temporary: true, log: opts.log });
  const cleanups: (() => Promise<void>)[] = [async () => db.stop(), async () => rmSync(scratch, { recursive: true, force: true })];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => {});
  };
  try {
    ensureBuild(opts.log);
    const appPort = await freePort();
    const logFile = path.join(scratch, "server.log");
    const fd = openSync(logFile, "a");
    const server = spawnServer({
      port: appPort,
      hostname: "127.0.0.1",
      workers: opts.workers,
      env: {
        ...process.env,
        ...TEST_SERVER_ENV,
        ...BENCH_RATE_LIMIT_ENV,
        LOG_LEVEL: "info",
        TRUST_PROXY: "1",
        // As the systemd unit runs it behind nginx: nginx compresses, the app does not.
        COMPRESS: "off",
        ...opts.env,
        DATABASE_URL: db.url,
      },
      nodeArgs: opts.nodeArgs ?? [],
      stdout: fd,
    });
    closeSync(fd);
    cleanups.unshift(() => stopProcess(server.child));
    const { workers } = await server.ready;
    opts.log(`app: ${workers.length} workers on 127.0.0.1:${appPort} (log: ${logFile})`);
    let nginx: BenchStack["nginx"];
    if (nginxBinary) {
      nginx = await startNginx({ binary: nginxBinary, listenPort: await freePort(), appPort, dir: path.join(scratch, "nginx") });
      cleanups.unshift(nginx.stop);
      opts.log(`nginx ${nginx.version} on ${nginx.url}`);
    }
    // The embedded PostgreSQL is a child of this process; its backends are its children.
    const postmaster = childrenOf(process.pid).find((pid) => commandOf(pid) === "postgres");
    return {
      db,
      server,
      appUrl: `http://127.0.0.1:${appPort}`,
      nginx,
      logFile,
      pgSeconds: () => (postmaster ? [postmaster, ...descendantsOf(postmaster)].reduce((a, pid) => a + cpuSeconds(pid), 0) : 0),
      workerSeconds: () => server.workers().reduce((a, pid) => a + cpuSeconds(pid), 0),
      embedded: postmaster !== undefined,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
