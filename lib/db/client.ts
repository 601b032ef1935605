import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { registerPool } from "./direct-query";
import { PrismaClient } from "./generated/client";
import { sharedDb } from "./shared";

export type Db = PrismaClient;
export type { Prisma } from "./generated/client";

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start`, which provides an embedded PostgreSQL, or set DATABASE_URL.",
    );
  }
  return url;
}

const ms = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

// Nothing may hang on a database that is down, overloaded or silent: every wait has a
// bound, and each failure surfaces as an error that lib/db/errors.ts recognises as
// "unavailable" (the API then answers 503 with Retry-After).
export function dbTimeouts() {
  const statement = ms("DB_STATEMENT_TIMEOUT_MS", 10_000);
  return {
    /** Waiting for a pool slot or for a new connection to open. */
    connect: ms("DB_CONNECT_TIMEOUT_MS", 5_000),
    /** Server-side: one statement, including lock waits. */
    statement,
    /** Client-side backstop when the server stops answering mid-query (a dead host). */
    query: ms("DB_QUERY_TIMEOUT_MS", statement + 5_000),
    /** Server-side: a transaction left open by a frozen or vanished process. */
    idleInTransaction: ms("DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", 60_000),
  };
}

/**
 * Prisma's `?schema=name` convention: the driver gets the URL without it plus a
 * search_path (for raw SQL), and the adapter the schema name (for generated queries).
 */
export function splitSchema(url: string): { connectionString: string; schema: string | undefined } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  if (!schema) return { connectionString: url, schema: undefined };
  parsed.searchParams.delete("schema");
  if (!parsed.searchParams.has("options")) parsed.searchParams.set("options", `-c search_path=${schema}`);
  return { connectionString: parsed.toString(), schema };
}

// statement_timeout and idle_in_transaction_session_timeout go to the server as startup
// parameters: in force on a direct connection from its first statement, with no round
// trip. PgBouncer in transaction mode cannot keep them per client (it refuses them unless
// told to ignore them) and a SET after connect would leak to whoever gets the server
// connection next; behind it the same limits are set on the role instead (its sample
// pgbouncer.ini and deploy/README.md, "Scaling out"; tests/server/two-hosts.test.ts checks that a
// statement is still cut). Prisma's statements are unnamed; the few hot ones of
// lib/db/direct-query.ts are named only where no pooler sits in front
// (lib/db/prepared-statements.ts). Nothing else here is per session.
export function createDb(url = databaseUrl()): Db {
  const t = dbTimeouts();
  const { connectionString, schema } = splitSchema(url);
  // One pool for Prisma and for the few hot statements that skip it (lib/db/direct-query.ts).
  const pool = new pg.Pool({
    connectionString,
    max: Number(process.env.DB_POOL_SIZE ?? 10),
    connectionTimeoutMillis: t.connect,
    statement_timeout: t.statement,
    query_timeout: t.query,
    idle_in_transaction_session_timeout: t.idleInTransaction,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  // An idle connection's error (the database restarted) must not crash the process before
  // Prisma adds its own listener; the next query opens a new connection.
  pool.on("error", () => {});
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { ...(schema ? { schema } : {}), disposeExternalPool: true }) });
  registerPool(client, pool);
  return client;
}

/** One client per process, shared through globalThis (see ./shared). */
export function getDb(): Db {
  return sharedDb.get(createDb);
}
