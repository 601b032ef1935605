import mysql from "mysql2/promise";
import { describeUrl, refuse } from "./columns";
import type { Dialect } from "./source";

// The old Django database on MySQL or MariaDB, as the live platform runs it (utf8mb4,
// case-insensitive collation). How the rows are asked for; what is asked is source.ts.
// Values come back raw (datetimes as strings, tinyint(1) as numbers, JSON as text) and
// columns.ts's normalise() makes them the same values the PostgreSQL reader yields.

const ident = (name: string) => `\`${name.replace(/`/g, "``")}\``;

export async function connectMysql(parsed: URL): Promise<Dialect> {
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (database === "" || database.includes("/")) {
    throw refuse("The --from URL names no database: mysql://user:password@host:port/database.");
  }
  let conn: mysql.Connection;
  try {
    conn = await mysql.createConnection({
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : 3306,
      user: decodeURIComponent(parsed.username),
      password: decodeURIComponent(parsed.password),
      database,
      charset: "UTF8MB4_UNICODE_CI",
      // Naive datetimes as written; parsed as UTC (Django's USE_TZ=True) by normalise(),
      // never through this process's time zone. Zero dates stay strings and become null.
      dateStrings: true,
      supportBigNumbers: true,
      connectTimeout: 10_000,
    });
  } catch (err) {
    // The server's and the socket's reasons (access denied, unknown database, refused)
    // name the user and host, never the password.
    const reason = (err as Error).message || (err as { code?: string }).code;
    throw refuse(`Cannot connect to the old database at ${describeUrl(parsed, 3306)} (${reason}).`);
  }
  conn.on("error", () => {}); // a dropped connection surfaces as the failing query's error
  const rows = async <T>(sql: string, params: unknown[] = []) => (await conn.query(sql, params))[0] as T[];
  return {
    begin: async () => {
      await conn.query("SET SESSION time_zone = '+00:00'");
      await conn.query("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      await conn.query("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
    },
    end: async () => void (await conn.query("ROLLBACK")),
    hasTable: async (name) =>
      (await rows<{ n: number }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?`, [name]))[0].n > 0,
    appsMigrated: async (names) => (await rows<{ app: string }>(`SELECT DISTINCT app FROM django_migrations WHERE app IN (?)`, [names])).map((r) => r.app),
    columnsOf: async (tables) => {
      const found = new Map<string, Set<string>>();
      // information_schema's own names differ in case between MySQL 8 and MariaDB: aliased.
      const cols = await rows<{ t: string; c: string }>(
        `SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name IN (?)`,
        [tables],
      );
      for (const { t, c } of cols) {
        if (!found.has(t)) found.set(t, new Set());
        found.get(t)!.add(c);
      }
      return found;
    },
    select: async (table, columns, present, orderBy) => {
      const list = columns.map((c) => (present.has(c) ? `${ident(c)} AS ${ident(c)}` : `NULL AS ${ident(c)}`));
      return rows(`SELECT ${list.join(", ")} FROM ${ident(table)} ORDER BY ${orderBy.map(ident).join(", ")}`);
    },
    now: async () => {
      const [{ now }] = await rows<{ now: string }>(`SELECT UTC_TIMESTAMP(6) AS now`);
      return new Date(`${now.replace(" ", "T")}Z`);
    },
    close: () => conn.end(),
  };
}
