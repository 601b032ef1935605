import { execFile } from "node:child_process";
import path from "node:path";

/**
 * Starts the production server (`scripts/server.ts --prod`, as systemd does) with
 * `env` on top of a minimal environment, expecting it to refuse: resolves with its exit
 * code and everything it wrote. The settings are checked before the build or the
 * database, so nothing else is needed.
 */
export function startRefused(env: Record<string, string>): Promise<Refusal> {
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
        resolve({ code: child.exitCode, stdout, stderr });
      },
    );
  });
}

export interface Refusal {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * What a refused start said: exactly one sentence on stderr ("Could not start: …", for
 * the person at the terminal) and the same refusal as exactly one JSON log line on
 * stdout (for the journal), which is returned parsed.
 */
export function oneLine({ stdout, stderr }: Refusal): { msg: string; level: string; event: string } {
  const said = stderr.trim().split("\n");
  if (said.length !== 1 || !said[0].startsWith("Could not start: ")) throw new Error(`expected one sentence on stderr, got:\n${stderr}`);
  const lines = stdout.trim().split("\n");
  if (lines.length !== 1) throw new Error(`expected one log line, got ${lines.length}:\n${stdout}`);
  return JSON.parse(lines[0]);
}
