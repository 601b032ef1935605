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

export function createDb(url = databaseUrl()): Db {
  const adapter = new PrismaPg({
    connectionString: url,
    max: Number(process.env.DB_POOL_SIZE ?? 10),
    // Nothing may hang on an unreachable database: fail fast and let callers answer 503.
    connectionTimeoutMillis: Number(process.env.DB_CONNECT_TIMEOUT_MS ?? 5000),
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

// One client per process, kept on globalThis so Next's dev reloads reuse the pool.
const globalForDb = globalThis as unknown as { __db?: Db };

export function getDb(): Db {
  globalForDb.__db ??= createDb();
  return globalForDb.__db;
}
