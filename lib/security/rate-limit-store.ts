import { getDb } from "../db/client";

// rate-limiter-flexible's PostgreSQL store talks to a `pg`-like client: query({text,
// values}) -> {rows, rowCount}. This one runs those statements through the app's Prisma
// client, so the limiter shares its connection pool, its timeouts and the way its
// errors look (a database outage fails the same way everywhere) and needs no second pool.
// The library's statements are plain parameterised SQL ($1…) on the "RateLimit" table.

type Row = Record<string, unknown>;

// Prisma returns BIGINT columns as bigint; the library does arithmetic with numbers.
// Epoch milliseconds fit a double exactly.
function plainNumbers(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === "bigint" ? Number(v) : v;
  return out;
}

export const rateLimitStoreClient = {
  async query(q: { text: string; values?: unknown[] }): Promise<{ rows: Row[]; rowCount: number }> {
    const db = getDb();
    const values = q.values ?? [];
    if (/^\s*(SELECT|INSERT)\b/i.test(q.text)) {
      const rows = await db.$queryRawUnsafe<Row[]>(q.text, ...values);
      return { rows: rows.map(plainNumbers), rowCount: rows.length };
    }
    const rowCount = await db.$executeRawUnsafe(q.text, ...values);
    return { rows: [], rowCount };
  },
};
