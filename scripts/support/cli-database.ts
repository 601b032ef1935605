import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ensureDatabase } from "./database";

// The database an operator command works on: DATABASE_URL when set; otherwise the
// embedded one in .data/, reached while `npm start` runs it, or started (and stopped
// again) just for the command.

export interface CliDatabase {
  url: string;
  close: () => Promise<void>;
}

function runningEmbeddedUrl(dataDir: string): string | null {
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");
  const credentials = path.join(dataDir, "pg-credentials.json");
  if (!existsSync(pidFile) || !existsSync(credentials)) return null;
  // postmaster.pid: line 1 the PID, line 4 the port.
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return null; // not running
  }
  const { password } = JSON.parse(readFileSync(credentials, "utf8")) as { password: string };
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

export async function openCliDatabase(log: (m: string) => void): Promise<CliDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, close: async () => {} };
  const running = runningEmbeddedUrl(path.resolve(".data"));
  if (running) return { url: running, close: async () => {} };
  const db = await ensureDatabase({ temporary: false, log });
  return { url: db.url, close: db.stop };
}
