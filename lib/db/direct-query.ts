import pg from "pg";
import type { Prisma } from "./generated/client";

// The statements every request pays for (the credential check, with the profile the
// profile route answers) go to the pool Prisma itself uses, without Prisma's raw-query
// layer: for a one-row answer of ~60 columns that layer costs about twice the driver's
// own CPU (0.4–0.6 ms against 0.2 on this machine, issue 24). Same pool, same
// connections, same timeouts; the statement is the same Prisma.sql template, so it is
// still parameterised and readable where it is used. Values come back as Prisma's raw
// queries give them (tests/db/direct-query.test.ts compares the two, under a time zone
// that is not UTC).

interface RawQueryable {
  $queryRaw<T = unknown>(query: Prisma.Sql): Promise<T>;
}

const pools = new WeakMap<object, pg.Pool>();

/** Called by createDb: this client's statements may also go straight to `pool`. */
export function registerPool(client: object, pool: pg.Pool): void {
  pools.set(client, pool);
}

// `timestamp` (without time zone) holds UTC here, as Prisma writes it; pg's default reads
// it in the process's local zone. int8 as BigInt, as Prisma's raw queries answer.
const TIMESTAMP = 1114;
const TIMESTAMP_ARRAY = 1115;
const INT8 = 20;
const utc = (value: string) => new Date(`${value.replace(" ", "T")}Z`);

const parseTextArray = pg.types.getTypeParser(1009 as never); // text[]: splits the literal
const TYPES = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP) return utc;
    if (oid === TIMESTAMP_ARRAY) return (value: string) => (parseTextArray(value) as (string | null)[]).map((v) => (v === null ? null : utc(v)));
    if (oid === INT8) return (value: string) => BigInt(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * The rows of `query` (a Prisma.sql template), straight from the driver when `db` is a
 * client createDb made, else (a transaction, a test double) through `$queryRaw`.
 */
export async function directQuery<T>(db: RawQueryable, query: Prisma.Sql): Promise<T[]> {
  const pool = pools.get(db);
  if (!pool) return db.$queryRaw<T[]>(query);
  const result = await pool.query({ text: query.text, values: query.values as unknown[], types: TYPES });
  return result.rows as T[];
}
