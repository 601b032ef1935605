import pg from "pg";
import { describeUrl, refuse } from "./columns";
import type { Dialect } from "./source";

// The old Django database on PostgreSQL (how the rows are asked for; what is asked is source.ts).

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function connectPostgres(url: string, parsed: URL): Promise<Dialect> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {}); // a dropped connection surfaces as the failing query's error
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    // pg and the socket layer say what failed (unknown database, refused, bad password) without the URL's secret.
    const reason = (err as Error).message || (err as { code?: string }).code;
    throw refuse(`Cannot connect to the old database at ${describeUrl(parsed, 5432)} (${reason}).`);
  }
  const rows = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows;
  return {
    begin: async () => void (await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")),
    end: async () => void (await client.query("ROLLBACK")),
    hasTable: async (name) => (await rows<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [name]))[0].t !== null,
    appsMigrated: async (names) => (await rows<{ app: string }>(`SELECT DISTINCT app FROM django_migrations WHERE app = ANY($1)`, [names])).map((r) => r.app),
    columnsOf: async (tables) => {
      const found = new Map<string, Set<string>>();
      const cols = await rows<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ANY($1)`,
        [tables],
      );
      for (const c of cols) {
        if (!found.has(c.table_name)) found.set(c.table_name, new Set());
        found.get(c.table_name)!.add(c.column_name);
      }
      return found;
    },
    select: async (table, columns, present, orderBy) => {
      // uuid and jsonb come back as text and parsed JSON; normalise() takes either.
      const list = columns.map((c) => (present.has(c) ? `${ident(c)}${c === "token" ? "::text" : ""} AS ${ident(c)}` : `NULL AS ${ident(c)}`));
      return rows(`SELECT ${list.join(", ")} FROM ${ident(table)} ORDER BY ${orderBy.map(ident).join(", ")}`);
    },
    now: async () => (await rows<{ now: Date }>(`SELECT now() AS now`))[0].now,
    close: () => client.end(),
  };
}
