import { createHash } from "node:crypto";
import pg from "pg";
import { logger } from "../log/logger";
import { preparedStatements } from "./prepared-statements";
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

let prepare: boolean | undefined;
const names = new Map<string, string>();
/** A statement's name: the same text always gets the same one (pg refuses one name for two texts). */
function nameOf(text: string): string | undefined {
  let name = names.get(text);
  // Every text here comes from a fixed template (values are parameters), so there are few;
  // the bound only keeps a mistake from growing every connection's statement cache.
  if (!name && names.size < 100) {
    name = `zp_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * The rows of `query` (a Prisma.sql template), straight from the driver when `db` is a
 * client createDb made, else (a transaction, a test double) through `$queryRaw`.
 */
export async function directQuery<T>(db: RawQueryable, query: Prisma.Sql): Promise<T[]> {
  const pool = pools.get(db);
  if (!pool) return db.$queryRaw<T[]>(query);
  prepare ??= preparedStatements();
  const text = query.text;
  const values = query.values as unknown[];
  const name = prepare ? nameOf(text) : undefined;
  if (!name) return (await pool.query({ text, values, types: TYPES })).rows as T[];
  try {
    return (await pool.query({ text, values, types: TYPES, name })).rows as T[];
  } catch (err) {
    // A pooler that moves us between server connections loses or mixes up named
    // statements: PostgreSQL refuses them before running anything, so the statement is
    // sent again unnamed, and every later one too.
    const code = (err as { code?: unknown }).code;
    if (code !== "26000" && code !== "42P05") throw err;
    prepare = false;
    logger.warn({ event: "db.prepared_statements_off", code }, "named statements refused (a pooler in transaction mode?): sending them unnamed from now on; set DB_PREPARED_STATEMENTS=off");
    return (await pool.query({ text, values, types: TYPES })).rows as T[];
  }
}
