import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, rmSync } from "node:fs";
import path from "node:path";
import { freePort } from "../../lib/db/embedded";
import { ensureBuild } from "../../scripts/support/build";
import { ensureDatabase } from "../../scripts/support/database";
import { spawnServer, stopProcess, type RunningServer } from "../../scripts/support/next-server";
import { testMailboxDir } from "./mailbox";
import { testMediaDir } from "./media";

// The whole app as tests see it: a throw-away embedded PostgreSQL (or DATABASE_URL),
// migrations, a production build and the production server (scripts/server.ts, the
// same as `npm run start:prod`) with TEST_WORKERS (default 2) worker processes on a
// free loopback port, its JSON logs written to a file that the log-hygiene test reads.

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
  // started with low limits (tests/http/rate-limit.test.ts).
  REGISTER_MAX_PER_IP: "1000000",
  // Failed sign-ins of the whole suite come from one address too, and so do its hundreds
  // of password checks a minute. The per-name limits (LOGIN_MAX_FAILURES per address,
  // LOGIN_MAX_FAILURES_PER_ACCOUNT from all addresses, TOKEN_MAX_PER_ACCOUNT) keep their
  // defaults: tests use fresh accounts, signed in a few times each.
  LOGIN_MAX_FAILURES_PER_IP: "1000000",
  LOGIN_MAX_VERIFICATIONS_PER_IP: "1000000",
  // Reset, magic-link and verification requests of the whole suite also come from one
  // address; the per-email budget keeps its default (tests/one-time-links-routes.test.ts
  // tests both on a server started with low limits).
  LINK_REQUEST_MAX_PER_IP: "1000000",
  // …and ask for several links to one address in a row, expecting each mailed: the
  // one-email-per-interval de-duplication is tested on its own server (tests/http/rate-limit.test.ts).
  LINK_MAIL_INTERVAL_SECONDS: "0",
  // A fresh session secret per run: nothing hard-coded, nothing written to .data/.
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  // The key sealing TOTP secrets, required in production like the session secret.
  MFA_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
  // Most suites sign staff in with a password alone; the requirement itself is tested on
  // servers started with REQUIRE_2FA=staff (tests/two-factor/two-factor-required.test.ts).
  REQUIRE_2FA: "off",
  // The test servers run as production (NODE_ENV=production), where a missing SMTP_URL
  // must be meant: emails stay in the dev mailbox (and in full in the test mailbox
  // folder, see tests/support/mailbox.ts).
  MAIL_DEV_MAILBOX: "1",
  // Storms hit a cold pool with many connections at once; on a busy machine opening them
  // can take longer than the default 5 s, which would answer 503 (not what is tested).
  // The outage tests set their own short timeouts.
  DB_CONNECT_TIMEOUT_MS: "30000",
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
export async function startTestServer(databaseUrl: string, env: Record<string, string>, workers = 1, host?: "localhost"): Promise<TestServer> {
  const server = await startAppServer({ databaseUrl, workers, env, host });
  return { baseUrl: server.baseUrl, serverLog: server.logFile, stop: server.stop };
}

export async function startTestStack(log: (m: string) => void = () => {}): Promise<TestStack> {
  const db = await ensureDatabase({ temporary: true, log });
  ensureBuild(log);
  let server: AppServer;
  try {
    server = await startAppServer({ databaseUrl: db.url, workers: Number(process.env.TEST_WORKERS ?? 2) });
  } catch (err) {
    await db.stop();
    throw err;
  }
  return {
    baseUrl: server.baseUrl,
    databaseUrl: db.url,
    serverLog: server.logFile,
    stop: async () => {
      await server.stop();
      await db.stop();
      rmSync(testMailboxDir(db.url), { recursive: true, force: true });
      rmSync(testMediaDir(db.url), { recursive: true, force: true });
    },
  };
}

export interface AppServer extends RunningServer {
  baseUrl: string;
  port: number;
  logFile: string;
  stop: () => Promise<void>;
}

/**
 * One production server (a primary and its workers) on a free loopback port, for tests
 * that need their own: restarts, outages, other settings. The build must be current.
 */
export async function startAppServer(opts: {
  databaseUrl: string;
  workers: number;
  env?: Record<string, string>;
  /** The public address's host: "localhost" for WebAuthn, which refuses an IP address as RP ID. */
  host?: "localhost";
}): Promise<AppServer> {
  const port = await freePort();
  // Not under test-results/: Playwright empties that folder when it starts, and the shared
  // server's log must outlive that for the browser tests (and for whoever reads a failure).
  mkdirSync("test-reports/servers", { recursive: true });
  const logFile = path.resolve("test-reports/servers", `server-${port}.log`);
  const baseUrl = `http://${opts.host ?? "127.0.0.1"}:${port}`;
  const fd = openSync(logFile, "a");
  const server = spawnServer({
    port,
    hostname: "127.0.0.1",
    workers: opts.workers,
    env: {
      ...process.env,
      ...testServerEnv(baseUrl),
      MAIL_DEV_MAILBOX_DIR: testMailboxDir(opts.databaseUrl),
      MEDIA_ROOT: testMediaDir(opts.databaseUrl),
      ...opts.env,
      DATABASE_URL: opts.databaseUrl,
    },
    stdout: fd,
  });
  closeSync(fd);
  try {
    await server.ready;
  } catch (err) {
    await stopProcess(server.child);
    throw new Error(`${(err as Error).message}; see ${logFile}`);
  }
  return { ...server, baseUrl, port, logFile, stop: () => stopProcess(server.child) };
}

export function stackFromEnv(): Omit<TestStack, "stop"> | null {
  const { TEST_BASE_URL, TEST_DATABASE_URL, TEST_SERVER_LOG } = process.env;
  if (!TEST_BASE_URL || !TEST_DATABASE_URL || !TEST_SERVER_LOG) return null;
  return { baseUrl: TEST_BASE_URL, databaseUrl: TEST_DATABASE_URL, serverLog: TEST_SERVER_LOG };
}
