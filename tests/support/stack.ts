import { mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { freePort } from "../../lib/db/embedded";
import { ensureBuild } from "../../scripts/support/build";
import { ensureDatabase } from "../../scripts/support/database";
import { spawnNext, stopProcess, waitForHttp } from "../../scripts/support/next-server";

// The whole app as tests see it: a throw-away embedded PostgreSQL (or DATABASE_URL),
// migrations, a production build and one `next start` on a free loopback port, its
// JSON logs written to a file that the log-hygiene test reads.

export interface TestStack {
  baseUrl: string;
  databaseUrl: string;
  serverLog: string;
  stop: () => Promise<void>;
}

/** Limits raised so that suites making many sign-ups from one address are not throttled. */
export const TEST_SERVER_ENV: Record<string, string> = {
  LOG_LEVEL: "info",
};

export async function startTestStack(log: (m: string) => void = () => {}): Promise<TestStack> {
  const db = await ensureDatabase({ temporary: true, log });
  ensureBuild(log);
  const port = await freePort();
  mkdirSync("test-results", { recursive: true });
  const serverLog = path.resolve("test-results", `server-${port}.log`);
  const server = spawnNext({
    port,
    hostname: "127.0.0.1",
    env: { ...process.env, ...TEST_SERVER_ENV, DATABASE_URL: db.url },
    stdout: openSync(serverLog, "a"),
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}/`);
  } catch (err) {
    await stopProcess(server);
    await db.stop();
    throw err;
  }
  return {
    baseUrl,
    databaseUrl: db.url,
    serverLog,
    stop: async () => {
      await stopProcess(server);
      await db.stop();
    },
  };
}

export function stackFromEnv(): Omit<TestStack, "stop"> | null {
  const { TEST_BASE_URL, TEST_DATABASE_URL, TEST_SERVER_LOG } = process.env;
  if (!TEST_BASE_URL || !TEST_DATABASE_URL || !TEST_SERVER_LOG) return null;
  return { baseUrl: TEST_BASE_URL, databaseUrl: TEST_DATABASE_URL, serverLog: TEST_SERVER_LOG };
}
