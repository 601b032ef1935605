import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export function spawnNext(opts: {
  port: number;
  hostname?: string;
  env: NodeJS.ProcessEnv;
  /** Where the server's stdout (its JSON log lines) goes: inherited, or a file descriptor. */
  stdout?: "inherit" | number;
}): ChildProcess {
  const args = [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(opts.port)];
  if (opts.hostname) args.push("-H", opts.hostname);
  return spawn(process.execPath, args, {
    stdio: ["ignore", opts.stdout ?? "inherit", opts.stdout ?? "inherit"],
    env: { ...opts.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
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
export function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
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
