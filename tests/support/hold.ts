import pg from "pg";
import { STRONG_PASSWORD, uniq } from "./helpers";

/**
 * Makes sign-ups with the given emails wait inside the database, deterministically:
 * an open transaction inserts users with those emails, so a registration for one of
 * them blocks on the unique index until `release()` rolls that transaction back, and
 * then succeeds. `blocked()` counts the requests currently waiting on it.
 */
export async function holdEmails(databaseUrl: string, emails: string[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {});
  await client.connect();
  await client.query("BEGIN");
  for (const email of emails) {
    await client.query(`INSERT INTO "User" (username, email, "passwordHash") VALUES ($1, $2, $3)`, [uniq("holder"), email, STRONG_PASSWORD]);
  }
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const holderPid = rows[0].pid;
  const observer = new pg.Client({ connectionString: databaseUrl });
  observer.on("error", () => {});
  await observer.connect();
  return {
    blocked: async () =>
      (
        await observer.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`,
          [holderPid],
        )
      ).rows[0].n,
    release: async () => {
      await client.query("ROLLBACK").catch(() => {});
      await client.end().catch(() => {});
      await observer.end().catch(() => {});
    },
  };
}
