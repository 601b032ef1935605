import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";

export interface Database {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

/**
 * DATABASE_URL when set (nothing embedded); otherwise an embedded PostgreSQL, kept in
 * `.data/` for the app or in a throw-away folder for tests. Migrations are applied.
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
    db = { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  } else {
    if (!opts.temporary) mkdirSync(".data", { recursive: true });
    const dir = opts.temporary ? mkdtempSync(path.join(os.tmpdir(), "zporta-pg-")) : path.resolve(".data");
    // When run as root, PostgreSQL runs as its own user and must reach its folder.
    chmodSync(dir, 0o755);
    const pg = await startEmbeddedPostgres({ dir, persistent: !opts.temporary, log, callerHandlesSignals: opts.callerHandlesSignals });
    db = {
      url: pg.url,
      embedded: true,
      stop: async () => {
        await pg.stop();
        if (opts.temporary) rmSync(dir, { recursive: true, force: true });
      },
    };
    log(`embedded PostgreSQL running (data in ${opts.temporary ? "a temporary folder" : ".data/"})`);
  }
  try {
    const result = await migrate(db.url, { log });
    if (result.unknown.length) {
      log(`note: the database has migrations this release does not know: ${result.unknown.join(", ")}`);
    }
  } catch (err) {
    await db.stop();
    throw err;
  }
  return db;
}
