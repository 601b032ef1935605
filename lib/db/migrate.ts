import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";

// Applies prisma/migrations/*/migration.sql in name order and records each in
// Prisma's own bookkeeping table, so `prisma migrate status/deploy` agree with us on a
// machine that has Prisma's schema engine. One transaction per migration, each holding a
// transaction-level advisory lock and re-reading the bookkeeping under it, so several
// starting hosts and workers never race. The lock is per transaction, not per session,
// because through PgBouncer in transaction mode a session lock would be taken on one
// server connection and released (or never) on another; DIRECT_DATABASE_URL is still
// preferred for migrations (migrationUrl below): no pooler limits, no pool slot held.

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const LOCK_KEY = 72_707_369; // arbitrary, fixed: "one migrator at a time" for this app

const BOOKKEEPING_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

// The readiness check runs this inside Next's bundle: the folder is read at run time from
// the release on disk, so the bundler must not try to trace (and copy) the whole project.
export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((name) => statSync(path.join(/*turbopackIgnore: true*/ dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(/*turbopackIgnore: true*/ dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
  /** Applied in the database but absent here: normal right after a code rollback. */
  unknown: string[];
}

export class MigrationError extends Error {}

/**
 * Where migrations and operator commands that hold a lock go: DIRECT_DATABASE_URL (Prisma's
 * name for the direct connection when DATABASE_URL goes through a pooler), else `url`.
 * Only beside DATABASE_URL: an embedded database is always reached directly.
 */
export function migrationUrl(url: string, env: NodeJS.ProcessEnv = process.env): string {
  const direct = env.DIRECT_DATABASE_URL?.trim();
  return env.DATABASE_URL?.trim() && direct ? direct : url;
}

interface RecordedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

/** Refuses a recorded migration that never finished or whose file changed since. */
function checkRecorded(file: MigrationFile, row: RecordedRow): void {
  if (!row.finished_at) {
    throw new MigrationError(
      `Migration ${file.name} started but never finished. Inspect the database, then mark it rolled back in "_prisma_migrations" before retrying.`,
    );
  }
  if (row.checksum !== file.checksum) {
    throw new MigrationError(
      `Migration ${file.name} was changed after it was applied (checksum mismatch). Never edit an applied migration: add a new one.`,
    );
  }
}

/** Runs `fn` in a transaction holding the migrators' lock (released by COMMIT/ROLLBACK). */
async function underLock<T>(client: pg.Client, fn: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    // A role-level statement_timeout (set for the app behind PgBouncer, deploy/README.md)
    // must not cut a long migration, nor the wait for another host's.
    await client.query("SET LOCAL statement_timeout = 0");
    await client.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
    const result = await fn();
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}

const RECORDED = `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`;

export async function migrate(
  databaseUrl: string,
  opts: { dir?: string; log?: (msg: string) => void } = {},
): Promise<MigrateResult> {
  const log = opts.log ?? (() => {});
  const files = readMigrations(opts.dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  // A migration reports what it could not do cleanly (e.g. old rows it left out) with
  // RAISE WARNING: pass it on rather than lose it.
  client.on("notice", (notice) => {
    if (notice.severity === "WARNING") log(`warning: ${notice.message}`);
  });
  await client.connect();
  try {
    const rows = await underLock(client, async () => {
      await client.query(BOOKKEEPING_TABLE);
      return (await client.query<RecordedRow>(RECORDED)).rows;
    });
    const recorded = new Map(rows.map((r) => [r.migration_name, r]));

    const result: MigrateResult = { applied: [], alreadyApplied: 0, unknown: [] };
    const known = new Set(files.map((f) => f.name));
    result.unknown = rows.map((r) => r.migration_name).filter((n) => !known.has(n));

    for (const file of files) {
      const row = recorded.get(file.name);
      if (row) {
        checkRecorded(file, row);
        result.alreadyApplied++;
        continue;
      }
      const applied = await underLock(client, async () => {
        // Another host may have applied it since the first look.
        const now = await client.query<RecordedRow>(`${RECORDED} AND migration_name = $1`, [file.name]);
        if (now.rows[0]) {
          checkRecorded(file, now.rows[0]);
          return false;
        }
        try {
          await client.query(file.sql);
        } catch (err) {
          throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${(err as Error).message}`);
        }
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [randomUUID(), file.checksum, file.name],
        );
        return true;
      });
      if (!applied) {
        result.alreadyApplied++;
        continue;
      }
      log(`applied ${file.name}`);
      result.applied.push(file.name);
    }
    return result;
  } finally {
    await client.end();
  }
}

/** Anything that runs one SQL text and returns rows: a `pg` client, or an adapter over Prisma. */
export interface SqlRunner {
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
}

const namesByDir = new Map<string, string[]>();

/**
 * The names of this release's migrations, read once per process and folder: the files
 * do not change under a running release, and the readiness probe asks often (review L7:
 * it re-read, stat'ed and hashed every file on every call).
 */
export function migrationNames(dir = MIGRATIONS_DIR): string[] {
  let names = namesByDir.get(dir);
  if (!names) {
    names = readdirSync(/*turbopackIgnore: true*/ dir)
      .filter((name) => statSync(path.join(/*turbopackIgnore: true*/ dir, name)).isDirectory())
      .sort();
    namesByDir.set(dir, names);
  }
  return names;
}

/** Names of migration files not yet applied (for the readiness check). */
export async function pendingMigrations(client: SqlRunner, dir?: string): Promise<string[]> {
  const files = migrationNames(dir).map((name) => ({ name }));
  const exists = await client.query(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!exists.rows[0].t) return files.map((f) => f.name);
  const { rows } = await client.query(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Set(rows.map((r) => r.migration_name as string));
  return files.filter((f) => !done.has(f.name)).map((f) => f.name);
}
