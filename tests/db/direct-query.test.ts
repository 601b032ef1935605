import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb } from "../../lib/db/client";
import { directQuery } from "../../lib/db/direct-query";
import { preparedStatements } from "../../lib/db/prepared-statements";
import { Prisma } from "../../lib/db/generated/client";
import { testDb } from "../support/helpers";

// lib/db/direct-query.ts reads values as Prisma's raw queries do, whatever the process's
// time zone: the credential reads go through it (their columns are timestamptz today; a
// `timestamp` column, Prisma's default for DateTime, must read as UTC too).

const viaPrisma = (query: Prisma.Sql) => testDb().$queryRaw<Record<string, unknown>[]>(query);

describe("directQuery", () => {
  for (const zone of ["Asia/Tokyo", "America/Los_Angeles"]) {
    it(`answers what $queryRaw answers, the process in ${zone}`, async () => {
      const was = process.env.TZ;
      process.env.TZ = zone;
      try {
        const query = Prisma.sql`
          SELECT '2026-01-02 03:04:05.678'::timestamp AS plain, '2026-01-02 03:04:05.678+00'::timestamptz AS zoned,
                 ARRAY['2026-01-02 03:04:05'::timestamp, NULL] AS plains, ${"2"}::int8 AS big, 7::int4 AS small,
                 1.25::float8 AS score, '{"a":[1,"b"]}'::jsonb AS doc, '{3,1}'::int4[] AS tags, NULL::text AS nothing, ${"x"} AS param`;
        const direct = await directQuery<Record<string, unknown>>(testDb(), query);
        expect(direct).toEqual(await viaPrisma(query));
        expect(direct[0].plain).toEqual(new Date("2026-01-02T03:04:05.678Z"));
        expect(direct[0].big).toBe(2n);
      } finally {
        if (was === undefined) delete process.env.TZ;
        else process.env.TZ = was;
      }
    });
  }

  it("goes through $queryRaw for a client it does not know (a transaction, a wrapper)", async () => {
    const calls: Prisma.Sql[] = [];
    const wrapper = { $queryRaw: async <T,>(q: Prisma.Sql) => (calls.push(q), [{ one: 1 }] as T) };
    expect(await directQuery(wrapper, Prisma.sql`SELECT ${1} AS one`)).toEqual([{ one: 1 }]);
    expect(calls).toHaveLength(1);
  });
});

describe("prepared statements", () => {
  it("are on when the app talks to PostgreSQL itself, off behind a pooler, and as DB_PREPARED_STATEMENTS says", () => {
    expect(preparedStatements({})).toBe(true);
    expect(preparedStatements({ DIRECT_DATABASE_URL: "postgresql://db/app" })).toBe(false);
    expect(preparedStatements({ DIRECT_DATABASE_URL: "postgresql://db/app", DB_PREPARED_STATEMENTS: "on" })).toBe(true);
    expect(preparedStatements({ DB_PREPARED_STATEMENTS: "OFF" })).toBe(false);
    expect(() => preparedStatements({ DB_PREPARED_STATEMENTS: "yes" })).toThrow('DB_PREPARED_STATEMENTS must be "on" or "off" (got "yes").');
  });

  it("a connection that lost its named statement (what a pooler does) gets the statement again, unnamed, and the answer", async () => {
    const saved = process.env.DB_POOL_SIZE;
    process.env.DB_POOL_SIZE = "1"; // one connection: the forgetting happens where the statement lives
    const db = createDb(inject("databaseUrl"));
    if (saved === undefined) delete process.env.DB_POOL_SIZE;
    else process.env.DB_POOL_SIZE = saved;
    afterAll(() => db.$disconnect());
    const query = Prisma.sql`SELECT ${"forgotten"}::text AS word`;
    const [first] = await directQuery<{ word: string }>(db, query);
    const named = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'zp\_%'`;
    expect(named[0].n).toBeGreaterThan(0);
    await db.$executeRawUnsafe("DEALLOCATE ALL");
    // pg still believes the statement is prepared there and only binds it: refused (26000).
    const [again] = await directQuery<{ word: string }>(db, query);
    expect(again).toEqual(first);
    expect(first).toEqual({ word: "forgotten" });
  });
});
