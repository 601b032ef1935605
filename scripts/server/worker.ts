import cluster from "node:cluster";
import http from "node:http";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import next from "next";
import { sharedDb } from "../../lib/db/shared";
import { markStamping, stampRequest } from "../../lib/http/stamp-client-ip";
import { parseTrustProxy } from "../../lib/http/trust-proxy";
import { drainLog, logger } from "../../lib/log/logger";
import { lowerHashThreadPriority } from "../../lib/security/hash-thread-priority";
import { startBackgroundWork } from "../../lib/server/background";
import { markDraining, runShutdownHooks } from "../../lib/server/lifecycle";
import { Drainer } from "./drain";
import type { ServerOptions } from "./options";

// One HTTP server process: Next's request handler behind a plain Node server that
// stamps the client address on every request and stops gracefully.

function bounded<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  const giveUp = new AbortController();
  const late = delay(ms, undefined, { signal: giveUp.signal }).catch(() => undefined);
  return Promise.race([promise, late]).finally(() => giveUp.abort());
}

/**
 * Starts the server; resolves once it listens, with the function that stops it. A
 * cluster worker owns its process: signals and the primary's "shutdown" message stop
 * it, and it exits when done.
 */
export async function runWorker(opts: ServerOptions, ownsProcess: boolean): Promise<(reason: string) => Promise<void>> {
  const workerId = cluster.isWorker ? cluster.worker!.id : 0;
  const log = logger.child({ role: "worker", workerId });
  const trust = parseTrustProxy(process.env.TRUST_PROXY);
  // This handler stamps every request (below): instrumentation.ts need not, and clientIp() may believe it.
  markStamping();

  // Before the first request: the password hashes' threads run below the event loop
  // (HASH_NICE), so health and cheap requests get a core first under a sign-up burst.
  await lowerHashThreadPriority(log);
  const app = next({ dev: opts.dev, dir: process.cwd(), hostname: opts.host ?? "localhost", port: opts.port });
  await app.prepare();
  const handle = app.getRequestHandler();

  let stopping: Promise<void> | undefined;
  const server = http.createServer((req, res) => {
    drainer.track(res);
    // The one place the client address is decided (lib/http/client-ip.ts): whatever a
    // client sent under this name is replaced.
    stampRequest(req, trust);
    handle(req, res).catch((err: unknown) => {
      log.error({ event: "http.handler_failed", err }, "request handler failed");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      }
    });
  });
  const drainer = new Drainer(server);

  const stop = (reason: string): Promise<void> => (stopping ??= drainAndClose(reason));

  async function drainAndClose(reason: string): Promise<void> {
    const started = Date.now();
    markDraining();
    log.info({ event: "worker.draining", reason, inFlight: drainer.inFlight }, "draining");
    const { timedOut, cut } = await drainer.drain(opts.graceMs);
    if (timedOut) log.warn({ event: "worker.drain_timeout", cut, graceMs: opts.graceMs }, "grace period over; cut the rest");
    await runShutdownHooks((err) => log.error({ event: "worker.shutdown_hook_failed", err }, "shutdown hook failed"));
    await bounded(sharedDb.disconnect().catch((err) => log.warn({ event: "worker.db_close_failed", err }, "closing the pool failed")), 5_000);
    await bounded(app.close().catch(() => {}), 2_000);
    log.info({ event: "worker.stopped", reason, ms: Date.now() - started }, "stopped");
    await bounded(drainLog(), 2_000); // every log line out before the process goes
    if (ownsProcess) process.exit(0);
  }

  if (ownsProcess) {
    process.on("SIGTERM", () => void stop("SIGTERM"));
    process.on("SIGINT", () => void stop("SIGINT"));
    process.on("message", (msg: unknown) => {
      if ((msg as { type?: string } | null)?.type === "shutdown") void stop("primary");
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  log.info({ event: "worker.listening", port: opts.port, host: opts.host ?? "*" }, "listening");
  reportEventLoop(log, () => drainer.inFlight);
  // Every worker delivers the email outbox; claims use SKIP LOCKED, so workers on any
  // number of machines share the queue without sending a message twice at once.
  // The loop itself is provided by instrumentation.ts from inside Next's bundle, so this
  // process loads one Prisma client, not two (lib/server/background.ts).
  if (process.env.OUTBOX_WORKER !== "off") startBackgroundWork(log);
  return stop;
}

const mib = (bytes: number) => Math.round(bytes / 104_857.6) / 10;

/** Where the worker's memory is: V8's heap (used, reserved), off-heap buffers, all of it. */
function memoryMiB() {
  const m = process.memoryUsage();
  return { heapUsedMiB: mib(m.heapUsed), heapTotalMiB: mib(m.heapTotal), externalMiB: mib(m.external), rssMiB: mib(m.rss) };
}

/**
 * Every EVENT_LOOP_REPORT_MS (default a minute) a `worker.event_loop` line: how late a
 * 10 ms timer fired (lag p50/p99/max), how busy the event loop was, and its memory. High lag means
 * something blocks it; high utilization with low lag means it is merely busy.
 */
function reportEventLoop(log: typeof logger, inFlight: () => number): void {
  const everyMs = Number(process.env.EVENT_LOOP_REPORT_MS ?? 60_000);
  if (!(everyMs > 0)) return;
  const RESOLUTION_MS = 10;
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  let since = performance.eventLoopUtilization();
  // The histogram holds the interval between ticks: the lag is what exceeds the resolution.
  const lag = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);
  setInterval(() => {
    const elu = performance.eventLoopUtilization(since);
    since = performance.eventLoopUtilization();
    log.info(
      {
        event: "worker.event_loop",
        lagP50Ms: lag(delay.percentile(50)),
        lagP99Ms: lag(delay.percentile(99)),
        lagMaxMs: lag(delay.max),
        utilization: Math.round(elu.utilization * 1000) / 1000,
        inFlight: inFlight(),
        ...memoryMiB(),
      },
      "event loop",
    );
    delay.reset();
  }, everyMs).unref();
}
