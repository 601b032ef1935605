import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { isDatabaseUnavailable } from "../../lib/db/errors";
import { migrate, MigrationError, migrationUrl } from "../../lib/db/migrate";
import { StartupError } from "../../lib/server/startup-error";

export interface Database {
  url: string;
  /** Where migrations go: DIRECT_DATABASE_URL beside DATABASE_URL, else `url`. */
  migrationUrl: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

const CONNECT_TIMEOUT_MS = 10_000;

/** "host:port/database" of a URL: enough to recognise it, never its password. */
function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname === "/" ? "" : u.pathname}`;
}

/** The database answers, or a StartupError that says why not (without the password). */
async function checkReachable(url: string, origin: string): Promise<void> {
  try {
    new URL(url);
  } catch {
    throw new StartupError(`${origin} is not a valid URL; expected postgresql://user:password@host:port/database.`);
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on("error", () => {}); // a broken connection after connect is reported by the query below
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    const why = String((err as Error).message ?? err).split("\n")[0].replace(/\.$/, "");
    throw new StartupError(`The database at ${describeUrl(url)} (${origin}) could not be reached: ${why}.`);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A pooler in transaction mode (PgBouncer) ignores the timeouts the app asks for at
 * connect (lib/db/client.ts), so only the role's own settings bound a statement there.
 * Says so when they are missing; the start goes on (a deliberate choice is possible).
 */
export async function noteMissingTimeout(url: string, log: (m: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ statement: string; idle: string }>(
      `SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`,
    );
    const unbounded = Object.entries(rows[0]).filter(([, v]) => v === "0").map(([k]) => k);
    if (unbounded.length) {
      log(
        `warning: through DATABASE_URL the database sets no ${unbounded.map((k) => (k === "statement" ? "statement_timeout" : "idle_in_transaction_session_timeout")).join(" or ")}; behind PgBouncer set them on the app's role (deploy/README.md, "Scaling out")`,
      );
    }
  } catch {
    // Reachability was checked just before; a failure here is not this check's to report.
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * DATABASE_URL when set (nothing embedded); otherwise an embedded PostgreSQL, kept in
 * `.data/` for the app or in a throw-away folder for tests. Migrations are applied.
 * Every failure is a StartupError (one sentence).
 */
export async function ensureDatabase(opts: {
  temporary: boolean;
  log?: (m: string) => void;
  /** See startEmbeddedPostgres: the server handles SIGTERM/SIGINT/SIGHUP itself. */
  callerHandlesSignals?: boolean;
}): Promise<Database> {
  const log = opts.log ?? console.log;
  let db: Database;
  if (process.env.DATABASE_URL) {
    db = { url: process.env.DATABASE_URL, migrationUrl: migrationUrl(process.env.DATABASE_URL), embedded: false, stop: async () => {} };
    await checkReachable(db.url, "DATABASE_URL");
    if (db.migrationUrl !== db.url) {
      await checkReachable(db.migrationUrl, "DIRECT_DATABASE_URL");
      await noteMissingTimeout(db.url, log);
    }
  } else {
    if (!opts.temporary) mkdirSync(".data", { recursive: true });
    const dir = opts.temporary ? mkdtempSync(path.join(os.tmpdir(), "zporta-pg-")) : path.resolve(".data");
    // mkdtemp makes the folder 0700: when run as root, PostgreSQL runs as its own user
    // and must enter it. (.data/ keeps its mode: lib/db/embedded.ts copes with any.)
    if (opts.temporary) chmodSync(dir, 0o755);
    const embedded = await startEmbeddedPostgres({ dir, persistent: !opts.temporary, log, callerHandlesSignals: opts.callerHandlesSignals }).catch(
      (err: unknown) => {
        if (opts.temporary) rmSync(dir, { recursive: true, force: true });
        throw err;
      },
    );
    db = {
      url: embedded.url,
      migrationUrl: embedded.url,
      embedded: true,
      stop: async () => {
        await embedded.stop();
        if (opts.temporary) rmSync(dir, { recursive: true, force: true });
      },
    };
    const where = opts.temporary ? "a temporary folder" : path.relative(process.cwd(), embedded.dataDir).startsWith("..") ? embedded.dataDir : ".data/";
    log(`embedded PostgreSQL running (data in ${where})`);
  }
  try {
    const result = await migrate(db.migrationUrl, { log });
    if (result.unknown.length) {
      log(`note: the database has migrations this release does not know: ${result.unknown.join(", ")}`);
    }
  } catch (err) {
    await db.stop();
    if (err instanceof MigrationError) throw new StartupError(err.message);
    if (isDatabaseUnavailable(err)) throw new StartupError(`The database at ${describeUrl(db.url)} went away while migrating: ${(err as Error).message}.`);
    throw err;
  }
  return db;
}
