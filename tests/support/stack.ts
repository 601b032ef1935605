import { randomBytes } from "node:crypto";
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
  // The registration suites make hundreds of sign-ups (the fuzz tests many more
  // attempts), all from one address. The protection itself is tested against servers
  // started with low limits (tests/rate-limit.test.ts).
  REGISTER_MAX_PER_IP: "1000000",
  // Failed sign-ins of the whole suite come from one address too. The per-account limit
  // (LOGIN_MAX_FAILURES) keeps its default: tests use fresh accounts.
  LOGIN_MAX_FAILURES_PER_IP: "1000000",
  // A fresh session secret per run: nothing hard-coded, nothing written to .data/.
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
};

/** TEST_SERVER_ENV for the server at `baseUrl`: links in emails point at that server. */
export function testServerEnv(baseUrl: string): Record<string, string> {
  return { ...TEST_SERVER_ENV, PUBLIC_BASE_URL: baseUrl };
}

export interface TestServer {
  baseUrl: string;
  serverLog: string;
  stop: () => Promise<void>;
}

/**
 * One more production server on an existing test database, with its own environment
 * (e.g. low rate limits). The build must exist (a running stack guarantees it).
 */
export async function startTestServer(databaseUrl: string, env: Record<string, string>): Promise<TestServer> {
  const port = await freePort();
  mkdirSync("test-results", { recursive: true });
  const serverLog = path.resolve("test-results", `server-${port}.log`);
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawnNext({
    port,
    hostname: "127.0.0.1",
    env: { ...process.env, ...testServerEnv(baseUrl), ...env, DATABASE_URL: databaseUrl },
    stdout: openSync(serverLog, "a"),
  });
  try {
    await waitForHttp(`${baseUrl}/`);
  } catch (err) {
    await stopProcess(server);
    throw err;
  }
  return { baseUrl, serverLog, stop: () => stopProcess(server) };
}

export async function startTestStack(log: (m: string) => void = () => {}): Promise<TestStack> {
  const db = await ensureDatabase({ temporary: true, log });
  ensureBuild(log);
  const port = await freePort();
  mkdirSync("test-results", { recursive: true });
  const serverLog = path.resolve("test-results", `server-${port}.log`);
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawnNext({
    port,
    hostname: "127.0.0.1",
    env: { ...process.env, ...testServerEnv(baseUrl), DATABASE_URL: db.url },
    stdout: openSync(serverLog, "a"),
  });
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
