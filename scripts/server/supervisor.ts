import cluster, { type Worker } from "node:cluster";
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { migrate } from "../../lib/db/migrate";
import { drainLog, logger } from "../../lib/log/logger";
import { StartupError } from "../../lib/server/startup-error";
import type { Database } from "../support/database";
import { SERVER_BUNDLE } from "../support/server-bundle";
import type { ServerOptions } from "./options";
import { workerExecArgv } from "./worker-exec-argv";

const log = logger.child({ role: "primary" });

const FAST_CRASH_MS = 10_000;
const STARTUP_TIMEOUT_MS = 120_000;

interface Slot {
  worker: Worker;
  startedAt: number;
  listening: boolean;
  /** Stopped on purpose (reload, shutdown): its exit is not a crash. */
  retiring: boolean;
  /** A reload's new worker that never listened: if it dies, the reload fails; no replacement. */
  candidate: boolean;
}

/** The release to run: APP_DIR (a symlink switched by deploys) resolved now, or the cwd. */
export function releaseDir(): string {
  return process.env.APP_DIR ? realpathSync(process.env.APP_DIR) : process.cwd();
}

/** Tells the process that started this one (tests, the benchmark), if any, over IPC. */
export function notifyParent(message: Record<string, unknown>): void {
  if (process.send && process.connected) process.send(message);
}

/**
 * The worker processes of one server and the four things done to them: fork (a dead
 * worker is replaced, with a growing delay if it keeps dying at start), reload (a rolling
 * restart from the release APP_DIR points to, migrating first), drain (one worker asked
 * to finish what it has and exit, killed if it overstays) and stop (drain all, stop the
 * database, exit). It owns no signals: scripts/server/primary.ts wires them.
 */
export class Supervisor {
  private readonly slots = new Map<number, Slot>();
  private shuttingDown = false;
  private fastCrashes = 0;
  private reloading: Promise<void> | undefined;
  private reloadAgain = false;

  constructor(
    private readonly opts: ServerOptions,
    private readonly db: Database,
    private readonly workerEnv: Record<string, string>,
  ) {
    cluster.on("exit", (worker, code, signal) => this.onExit(worker, code, signal));
  }

  /** The pids of the workers serving (not those being retired). */
  pids(): (number | undefined)[] {
    return [...this.slots.values()].filter((s) => !s.retiring).map((s) => s.worker.process.pid);
  }

  /** Forks `count` workers and waits until each listens; a start that fails stops everything. */
  async start(count: number): Promise<void> {
    const first = Array.from({ length: count }, () => this.fork());
    try {
      await Promise.all(first.map((slot) => this.whenListening(slot)));
    } catch (err) {
      // The worker said why on stderr and in the log; stop what started, then fail the start
      // with one sentence (scripts/server.ts prints it and exits 1).
      this.shuttingDown = true;
      await this.drainAll();
      await this.db.stop();
      throw new StartupError(`The server process ${(err as Error).message.replace(/^the worker /, "")}; the lines above say why.`);
    }
  }

  /** A rolling restart; asked again while one runs, it runs once more after it. */
  reload(): void {
    if (this.shuttingDown) return;
    if (this.reloading) {
      this.reloadAgain = true;
      return;
    }
    this.reloading = this.reloadOnce().finally(() => {
      this.reloading = undefined;
      if (this.reloadAgain) {
        this.reloadAgain = false;
        this.reload();
      }
    });
  }

  /** Drains every worker, stops the database and exits; a second SIGINT stops waiting. */
  async stop(reason: string, exitCode = 0): Promise<void> {
    if (this.shuttingDown) {
      if (reason === "SIGINT") {
        for (const s of this.slots.values()) s.worker.process.kill("SIGKILL");
        await this.db.stop();
        process.exit(1);
      }
      return;
    }
    this.shuttingDown = true;
    log.info({ event: "server.stopping", reason, workers: this.pids() }, "stopping");
    await this.drainAll();
    await this.db.stop();
    log.info({ event: "server.stopped", reason }, "stopped");
    await drainLog();
    process.exit(exitCode);
  }

  private fork(candidate = false): Slot {
    const dir = releaseDir();
    // The compiled worker (scripts/support/server-bundle.ts), run by plain Node: this
    // process's TypeScript loader (`--import tsx`) is not passed on.
    cluster.setupPrimary({ exec: path.join(dir, SERVER_BUNDLE), execArgv: workerExecArgv(process.execArgv), cwd: dir });
    const worker = cluster.fork(this.workerEnv);
    const slot: Slot = { worker, startedAt: Date.now(), listening: false, retiring: false, candidate };
    this.slots.set(worker.id, slot);
    worker.once("listening", () => {
      slot.listening = true;
      slot.candidate = false;
    });
    return slot;
  }

  private whenListening(slot: Slot): Promise<void> {
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
  private drain(slot: Slot): Promise<void> {
    slot.retiring = true;
    const { worker } = slot;
    if (worker.isDead()) return Promise.resolve();
    return new Promise((resolve) => {
      const killer = setTimeout(() => {
        log.warn({ event: "worker.killed", workerId: worker.id, pid: worker.process.pid }, "worker overstayed its grace period");
        worker.process.kill("SIGKILL");
      }, this.opts.graceMs + 10_000);
      worker.once("exit", () => {
        clearTimeout(killer);
        resolve();
      });
      if (worker.isConnected()) worker.send({ type: "shutdown" });
      else worker.process.kill("SIGTERM");
    });
  }

  private async drainAll(): Promise<void> {
    await Promise.all([...this.slots.values()].map((slot) => this.drain(slot)));
  }

  private onExit(worker: Worker, code: number, signal: string): void {
    const slot = this.slots.get(worker.id);
    this.slots.delete(worker.id);
    if (!slot) return;
    const pid = worker.process.pid;
    if (slot.retiring || this.shuttingDown) {
      log.info({ event: "worker.exited", workerId: worker.id, pid, code, signal }, "worker stopped");
      return;
    }
    if (slot.candidate) {
      log.error({ event: "worker.start_failed", workerId: worker.id, pid, code, signal }, "a new worker died before listening");
      return;
    }
    const uptimeMs = Date.now() - slot.startedAt;
    this.fastCrashes = uptimeMs < FAST_CRASH_MS ? this.fastCrashes + 1 : 0;
    const delayMs = this.fastCrashes === 0 ? 0 : Math.min(30_000, 500 * 2 ** (this.fastCrashes - 1));
    const facts = { workerId: worker.id, pid, code, signal, uptimeMs, restartInMs: delayMs };
    if (code === 0 && !signal) {
      // Stopped gracefully by someone else (an operator's kill): not a crash, still replaced.
      log.warn({ event: "worker.exited", ...facts }, "worker stopped from outside; starting a replacement");
    } else {
      log.error({ event: "worker.crashed", ...facts }, "worker died; starting a replacement");
    }
    setTimeout(() => this.replace(pid), delayMs).unref();
  }

  private replace(pid: number | undefined): void {
    if (this.shuttingDown) return;
    const fresh = this.fork();
    this.whenListening(fresh).then(
      () => {
        log.info({ event: "worker.replaced", workerId: fresh.worker.id, pid: fresh.worker.process.pid, replaces: pid }, "replacement listening");
        notifyParent({ type: "workers", workers: this.pids() });
      },
      (err) => log.error({ event: "worker.start_failed", err: String(err) }, "replacement failed to start"),
    );
  }

  private async reloadOnce(): Promise<void> {
    const dir = releaseDir();
    log.info({ event: "workers.reloading", release: dir }, "rolling restart");
    if (!existsSync(path.join(dir, ".next", "BUILD_ID")) || !existsSync(path.join(dir, SERVER_BUNDLE))) {
      log.error({ event: "workers.reload_refused", release: dir, reason: "not_built" }, "the release has no build; run `npm run build` there first");
      return;
    }
    try {
      const result = await migrate(this.db.migrationUrl, { dir: path.join(dir, "prisma", "migrations") });
      if (result.applied.length) log.info({ event: "db.migrated", applied: result.applied }, "migrations applied");
    } catch (err) {
      log.error({ event: "workers.reload_refused", reason: "migration_failed", err: String(err) }, "migration failed; keeping the running workers");
      return;
    }
    for (const old of [...this.slots.values()].filter((s) => !s.retiring)) {
      if (this.shuttingDown) return;
      const fresh = this.fork(true);
      try {
        await this.whenListening(fresh);
      } catch (err) {
        log.error({ event: "workers.reload_failed", err: String(err) }, "a new worker failed to start; keeping the others");
        void this.drain(fresh);
        return;
      }
      // The new worker already takes connections; the old one finishes what it has.
      void this.drain(old);
    }
    log.info({ event: "workers.reloaded", release: dir, workers: this.pids() }, "rolling restart done");
    notifyParent({ type: "workers", workers: this.pids() });
  }
}
