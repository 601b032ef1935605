// `npx tsx bench/sign-up-sql.ts`: PostgreSQL's own CPU per sign-up write, statement by
// statement, on a throw-away embedded database with every migration applied. One backend
// runs N sign-ups (the pre-check, then the one-statement insert of lib/users/register.ts)
// and its CPU time (/proc/<backend pid>/stat) is divided by N; then the same with each
// lever in turn, to see what each index and trigger costs. Figures only (Linux).
import { readFileSync } from "node:fs";
import pg from "pg";
import { ensureDatabase } from "../scripts/support/database";

const N = Number(process.env.SIGNUP_SQL_N ?? 400);
const TICK_MS = 10; // USER_HZ = 100 on Linux

function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) * TICK_MS;
}

async function run(c: pg.Client, label: string, tag: string, parts: { pre?: boolean; insert?: boolean; extra?: boolean; asyncCount?: boolean; prepared?: boolean } = {}) {
  const { pre: doPre = true, insert: doInsert = true, extra = true, asyncCount = false, prepared = false } = parts;
  // prepared: named statements, parsed and planned once per connection instead of per call.
  const q = (name: string, text: string, values: unknown[]) => (prepared ? c.query({ name: `${name}_${asyncCount}`, text, values }) : c.query(text, values));
  const pid = (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
  const t0 = cpuMs(pid);
  for (let i = 0; i < N; i++) {
    const name = `${tag}_${i}_${Date.now().toString(36)}`;
    const email = `${name}@example.com`;
    if (!doPre && !doInsert) await c.query("SELECT 1");
    const pre = !doPre ? { rows: [{ id: (await c.query("SELECT nextval(pg_get_serial_sequence('\"User\"', 'id'))::int AS id")).rows[0].id }] } : await q("pre",
      `WITH wanted AS (SELECT lower($1 COLLATE "und-x-icu") AS username, lower($2 COLLATE "und-x-icu") AS email),
       held AS (SELECT lower(i.identifier COLLATE "und-x-icu") AS k FROM "SignInIdentifier" i, wanted w WHERE lower(i.identifier COLLATE "und-x-icu") IN (w.username, w.email)
         UNION ALL SELECT lower(u.username COLLATE "und-x-icu") FROM "User" u, wanted w WHERE lower(u.username COLLATE "und-x-icu") = w.username
         UNION ALL SELECT lower(u.email COLLATE "und-x-icu") FROM "User" u, wanted w WHERE lower(u.email COLLATE "und-x-icu") = w.email),
       rl AS (INSERT INTO "RateLimit" ("key","points","expire") VALUES ('x:register_ip:127.0.0.1', 1, $3::bigint)
         ON CONFLICT ("key") DO UPDATE SET "points" = "RateLimit"."points" + 1 RETURNING "points")
       SELECT bool_or(h.k = w.username) AS a, ${asyncCount ? "set_config('synchronous_commit', 'off', true) AS s," : ""} nextval(pg_get_serial_sequence('"User"', 'id'))::int AS id FROM held h RIGHT JOIN wanted w ON true, rl GROUP BY rl.points`,
      [name, email, Date.now() + 3_600_000],
    );
    const id = pre.rows[0].id;
    if (!doInsert) continue;
    if (!extra) {
      await c.query(
        `WITH u AS (INSERT INTO "User" ("id","username","email","passwordHash") VALUES ($1::int, $2, $3, 'x') RETURNING "id"),
         p AS (INSERT INTO "Profile" ("userId","role","bio") SELECT "id", 'explorer', NULL FROM u RETURNING "userId")
         SELECT u."id" FROM u JOIN p ON p."userId" = u."id"`,
        [id, name, email],
      );
      continue;
    }
    await q("insert",
      `WITH u AS (INSERT INTO "User" ("id","username","email","passwordHash") VALUES ($1::int, $2, $3, '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA') RETURNING "id"),
       p AS (INSERT INTO "Profile" ("userId","role","bio") SELECT "id", 'explorer', NULL FROM u RETURNING "userId"),
       l AS (INSERT INTO "OneTimeLink" ("userId","purpose","email","tokenHash","expiresAt") SELECT "id", 'verify_email', $3, md5($2) || md5($3), now() + interval '3 days' FROM u RETURNING 1),
       o AS (INSERT INTO "Outbox" ("kind","to","subject","text","secret","secretAt") SELECT 'email.verification', $3, 'Confirm', repeat('x', 300), repeat('s', 43), 100 FROM u RETURNING 1)
       SELECT u."id" FROM u JOIN p ON p."userId" = u."id"`,
      [id, name, email],
    );
  }
  const ms = (cpuMs(pid) - t0) / N;
  console.log(`| ${label} | ${ms.toFixed(2)} ms |`);
  return ms;
}

/** The flow before issue 24 (main at f94b8a0): the count, the pre-check, then a transaction of six statements. */
async function runBefore(c: pg.Client, label: string, tag: string) {
  const pid = (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
  const t0 = cpuMs(pid);
  for (let i = 0; i < N; i++) {
    const name = `${tag}_${i}_${Date.now().toString(36)}`;
    const email = `${name}@example.com`;
    await c.query(
      `INSERT INTO "RateLimit" VALUES ($1, $2, $3) ON CONFLICT(key) DO UPDATE SET
         points = CASE WHEN ("RateLimit".expire <= $4 OR 1=0) THEN $2 ELSE "RateLimit".points + ($2) END,
         expire = CASE WHEN "RateLimit".expire <= $4 THEN $3 ELSE "RateLimit".expire END
       RETURNING points, expire`,
      ["x:register_ip:127.0.0.1", 1, Date.now() + 3_600_000, Date.now()],
    );
    await c.query(
      `WITH wanted AS (SELECT lower($1 COLLATE "und-x-icu") AS username, lower($2 COLLATE "und-x-icu") AS email),
       held AS (SELECT lower(i.identifier COLLATE "und-x-icu") AS k FROM "SignInIdentifier" i, wanted w WHERE lower(i.identifier COLLATE "und-x-icu") IN (w.username, w.email)
         UNION ALL SELECT lower(u.username COLLATE "und-x-icu") FROM "User" u, wanted w WHERE lower(u.username COLLATE "und-x-icu") = w.username
         UNION ALL SELECT lower(u.email COLLATE "und-x-icu") FROM "User" u, wanted w WHERE lower(u.email COLLATE "und-x-icu") = w.email)
       SELECT coalesce(bool_or(h.k = w.username), false) AS a FROM held h, wanted w`,
      [name, email],
    );
    await c.query("BEGIN");
    const { rows } = await c.query(
      `WITH u AS (INSERT INTO "User" ("username","email","passwordHash") VALUES ($1, $2, 'x') RETURNING "id", "username"),
       p AS (INSERT INTO "Profile" ("userId","role","bio") SELECT "id", 'explorer', NULL FROM u RETURNING "userId")
       SELECT u."id" FROM u JOIN p ON p."userId" = u."id"`,
      [name, email],
    );
    const id = rows[0].id;
    await c.query(`SELECT 1 FROM "User" WHERE "id" = $1 FOR UPDATE`, [id]);
    await c.query(`DELETE FROM "OneTimeLink" WHERE "userId" = $1 AND "purpose" = 'verify_email'::"OneTimeLinkPurpose"`, [id]);
    await c.query(
      `INSERT INTO "OneTimeLink" ("userId","purpose","email","tokenHash","expiresAt") VALUES ($1, 'verify_email'::"OneTimeLinkPurpose", $2, md5($3 || 'a') || md5($3), now() + make_interval(mins => 4320))`,
      [id, email, name],
    );
    await c.query(
      `INSERT INTO "Outbox" ("kind","to","subject","text","secret","secretAt") VALUES ('email.verification', $1, 'Confirm', repeat('x', 300), repeat('s', 43), 100) RETURNING "id"`,
      [email],
    );
    await c.query("COMMIT");
  }
  const ms = (cpuMs(pid) - t0) / N;
  console.log(`| ${label} | ${ms.toFixed(2)} ms |`);
  return ms;
}

async function main() {
  const db = await ensureDatabase({ temporary: true, log: () => {} });
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    console.log(`PostgreSQL backend CPU per sign-up (pre-check + one-statement insert), ${N} sign-ups each, one connection\n`);
    console.log("| variant | CPU per sign-up |\n| --- | --- |");
    await run(c, "warm-up (as migrated)", "w");
    const after = [await run(c, "after issue 24: count + pre-check, one-statement insert, trigger without subtransactions", "a")];
    const previousTrigger = readFileSync("prisma/migrations/20261201000610_identifiers_without_email/migration.sql", "utf8");
    const currentTrigger = readFileSync("prisma/migrations/20261207000300_identifiers_without_savepoints/migration.sql", "utf8");
    const before: number[] = [];
    // Interleaved, so a change in the machine's load shows in both.
    for (let round = 0; round < 2; round++) {
      await c.query(previousTrigger);
      before.push(await runBefore(c, "before (main f94b8a0): count, pre-check, BEGIN + 6 statements + COMMIT, trigger with 2 subtransactions", `b${round}`));
      await c.query(currentTrigger);
      after.push(await run(c, "after issue 24 (again)", `a${round}`));
    }
    await run(c, "after, with the count's commit not waiting for the log (what register.ts does)", "z", { asyncCount: true });
    await run(c, "… and both statements prepared once per connection (named; not what register.ts does)", "y", { asyncCount: true, prepared: true });
    await run(c, "after, the count's commit not waiting (again)", "z2", { asyncCount: true });
    await run(c, "… and both statements prepared (again)", "y2", { asyncCount: true, prepared: true });
    await c.query(previousTrigger);
    await run(c, "after's statements with the previous trigger (2 subtransactions)", "o");
    await c.query(currentTrigger);
    await run(c, "the pre-check alone (with the rate-limit count; a refused duplicate's share)", "p", { insert: false });
    await run(c, "the insert alone (user, profile, link, email)", "i", { pre: false });
    await run(c, "the insert of user and profile only (no link, no email)", "j", { pre: false, extra: false });
    await run(c, "the pre-check alone, its commit not waiting for the WAL flush (synchronous_commit off for that transaction)", "q", { insert: false, asyncCount: true });
    await run(c, "a round trip that does nothing (SELECT 1) and a nextval", "n", { pre: false, insert: false });
    await c.query(`ALTER INDEX "User_username_trgm_idx" SET (fastupdate = off); ALTER INDEX "User_email_trgm_idx" SET (fastupdate = off);
      ALTER INDEX "User_username_grams_idx" SET (fastupdate = off); ALTER INDEX "User_email_grams_idx" SET (fastupdate = off)`);
    await run(c, "GIN fastupdate off (User's 4 search indexes)", "f");
    await c.query(`DROP INDEX "User_username_grams_idx"; DROP INDEX "User_email_grams_idx"`);
    await run(c, "without the 1-2 character gram indexes (short_grams)", "g");
    await c.query(`DROP INDEX "User_username_trgm_idx"; DROP INDEX "User_email_trgm_idx"`);
    await run(c, "without any GIN search index on User", "t");
    await c.query(`ALTER TABLE "User" DISABLE TRIGGER "User_sign_in_identifiers"`);
    await run(c, "… and without the identifier trigger (NOT a lever: it is a guard)", "x");
  } finally {
    await c.end();
    await db.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
