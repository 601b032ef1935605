import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

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

export function createDb(url = databaseUrl()): Db {
  const { connectionString, schema } = splitSchema(url);
  const adapter = new PrismaPg({
    connectionString,
    max: Number(process.env.DB_POOL_SIZE ?? 10),
    // Nothing may hang on an unreachable database: fail fast and let callers answer 503.
    connectionTimeoutMillis: Number(process.env.DB_CONNECT_TIMEOUT_MS ?? 5000),
    idleTimeoutMillis: 30_000,
  }, schema ? { schema } : undefined);
  return new PrismaClient({ adapter });
}

// One client per process, kept on globalThis so Next's dev reloads reuse the pool.
const globalForDb = globalThis as unknown as { __db?: Db };

export function getDb(): Db {
  globalForDb.__db ??= createDb();
  return globalForDb.__db;
}
