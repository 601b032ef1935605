import { execFile } from "node:child_process";
import path from "node:path";

/**
 * Starts the production server (`scripts/server.ts --prod`, as systemd does) with
 * `env` on top of a minimal environment, expecting it to refuse: resolves with its exit
 * code and everything it wrote. The settings are checked before the build or the
 * database, so nothing else is needed.
 */
export function startRefused(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", path.resolve("scripts/server.ts"), "--prod"],
      {
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", PORT: "1", ...env },
        timeout: 60_000,
      },
      (err, stdout, stderr) => {
        if (err && typeof (err as { code?: unknown }).code !== "number") return reject(err);
        resolve({ code: child.exitCode, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** The one line a refused start wrote, parsed (pino JSON). */
export function oneLine(output: string): { msg: string; level: string; event: string } {
  const lines = output.trim().split("\n");
  if (lines.length !== 1) throw new Error(`expected one line, got ${lines.length}:\n${output}`);
  return JSON.parse(lines[0]);
}
