import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface RunningServer {
  child: ChildProcess;
  /** Resolves with the worker pids once every worker listens; rejects if the server exits first. */
  ready: Promise<{ url: string; workers: number[] }>;
  /** The current worker pids, updated after restarts and reloads. */
  workers: () => number[];
}

/**
 * Starts the app's own server (scripts/server.ts: a cluster of `workers` processes
 * running Next's production handler), exactly as `npm run start:prod` does. The IPC
 * channel tells us when it is ready and which pids its workers have; if this process
 * dies, the server notices the channel close and stops itself.
 */
export function spawnServer(opts: {
  port: number;
  hostname?: string;
  workers?: number;
  env: NodeJS.ProcessEnv;
  /** Where the server's stdout (its JSON log lines) goes: inherited, or a file descriptor. */
  stdout?: "inherit" | number;
  /** Where its stderr goes (start-up failures): the same as stdout unless given. */
  stderr?: "inherit" | number;
  /** Node options for the supervisor, passed on to its workers (e.g. --cpu-prof). */
  nodeArgs?: string[];
}): RunningServer {
  const out = opts.stdout ?? "inherit";
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", path.resolve("scripts/server.ts"), "--prod"], {
    stdio: ["ignore", out, opts.stderr ?? out, "ipc"],
    env: {
      ...opts.env,
      PORT: String(opts.port),
      WORKERS: String(opts.workers ?? 1),
      ...(opts.hostname ? { HOST: opts.hostname } : {}),
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
  });
  let workers: number[] = [];
  const ready = new Promise<{ url: string; workers: number[] }>((resolve, reject) => {
    child.on("message", (msg: { type?: string; url?: string; workers?: number[] }) => {
      if (msg.workers) workers = msg.workers;
      if (msg.type === "ready") resolve({ url: msg.url!, workers });
    });
    child.once("exit", (code, signal) => reject(new Error(`the server exited before it was ready (${signal ?? code})`)));
  });
  ready.catch(() => {});
  return { child, ready, workers: () => workers };
}

/** @deprecated Use spawnServer; kept so older callers get the same server with one worker. */
export function spawnNext(opts: { port: number; hostname?: string; env: NodeJS.ProcessEnv; stdout?: "inherit" | number }): ChildProcess {
  return spawnServer({ ...opts, workers: 1 }).child;
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not come up: ${String(lastError)}`);
}

/** SIGTERM, then SIGKILL after `graceMs`. Resolves when the process has exited. */
export function stopProcess(child: ChildProcess, graceMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
