// `npm run bench:admin`: the staff pages on a 100,000-member database (issue 14 point 5).
// Starts a throw-away embedded PostgreSQL (or uses DATABASE_URL: a disposable one), fills
// it with bench/seed-admin.ts, starts the production server (one worker), signs a staff
// member in, and requests each admin page and search BENCH_ADMIN_RUNS times (default 30)
// one after another after two warm-up requests. Prints the p50 and p90 of the loopback
// round trip, which is the server's time plus well under a millisecond.
// BENCH_ADMIN_MEMBERS changes the size (default 100000). Figures only: nothing asserted.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { ensureBuild } from "../scripts/support/build";
import { ensureDatabase } from "../scripts/support/database";
import { startAppServer } from "../tests/support/stack";
import { fmt, percentile, table } from "./load";
import { seedAdmin } from "./seed-admin";

const RUNS = Number(process.env.BENCH_ADMIN_RUNS ?? 30);
const MEMBERS = Number(process.env.BENCH_ADMIN_MEMBERS ?? 100_000);
const PASSWORD = "Bench-Admin-Pass-2026!";

async function staffCookie(base: string, databaseUrl: string): Promise<string> {
  const username = `bench_staff_${Date.now().toString(36)}`;
  const reg = await fetch(`${base}/api/users/register/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, email: `${username}@example.com`, password: PASSWORD }),
  });
  if (reg.status !== 201) throw new Error(`registering the staff member failed: ${reg.status}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`UPDATE "User" SET "isStaff" = true WHERE username = $1`, [username]);
  await client.end();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") },
    body: new URLSearchParams({ csrfToken, username, password: PASSWORD, callbackUrl: "/admin" }),
    redirect: "manual",
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!session) throw new Error(`signing in failed: ${res.status}`);
  return session.split(";")[0];
}

async function timed(url: string, cookie: string): Promise<{ ms: number; status: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status, bytes: body.byteLength };
}

async function main() {
  const log = (m: string) => console.error(`[bench:admin] ${m}`);
  const db = await ensureDatabase({ temporary: true, log });
  ensureBuild(log);
  const server = await startAppServer({ databaseUrl: db.url, workers: 1, env: { RATE_LIMIT_PREFIX: "benchadmin", LOG_LEVEL: "warn" } });
  try {
    const seed = await seedAdmin(db.url, MEMBERS, log);
    const cookie = await staffCookie(server.baseUrl, db.url);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const someone = (await client.query(`SELECT id, email FROM "User" WHERE id = $1`, [seed.afterId + 4218])).rows[0];
    await client.end();
    const first = await fetch(`${server.baseUrl}/admin/users`, { headers: { cookie } }).then((r) => r.text());
    const after = /href="\/admin\/users\?after=([A-Za-z0-9_-]+)"/.exec(first)?.[1];
    const email = someone.email as string;
    const emailPart = email.slice(2, email.indexOf("@")).toUpperCase();
    const pages: [string, string][] = [
      ["overview (30 days)", "/admin"],
      ["overview (90 days)", "/admin?days=90"],
      ["users, first page", "/admin/users"],
      ["users, second page (keyset)", `/admin/users?after=${after}`],
      [`search: part of one email (${emailPart})`, `/admin/users?q=${encodeURIComponent(emailPart)}`],
      ["search: a common name (ingrid, ~8 % of members)", "/admin/users?q=ingrid"],
      ["search: Unicode, other case (ÅNGSTRÖM)", `/admin/users?q=${encodeURIComponent("ÅNGSTRÖM")}`],
      ["search: one letter, rare (q, no member)", "/admin/users?q=q"],
      ["search: one letter, other case (Ø, ~6 % of members)", `/admin/users?q=${encodeURIComponent("Ø")}`],
      ["search: two letters, rare (zz, no member)", "/admin/users?q=zz"],
      ["search: two letters, Unicode (ωm, ~6 % of members)", `/admin/users?q=${encodeURIComponent("ωm")}`],
      ["filters: verified, active guide, by last sign-in", "/admin/users?verified=yes&guide=yes&sort=last_login"],
      ["filters: joined between + staff=no", "/admin/users?joinedFrom=2026-01-01&joinedTo=2026-03-31&staff=no"],
      ["one person", `/admin/users/${someone.id}`],
      ["guide applications", "/admin/guide-applications"],
      ["invitations", "/admin/invitations"],
      ["invitations this month (the overview's link)", `/admin/invitations?sentFrom=${new Date().toISOString().slice(0, 8)}01`],
      ["audit log", "/admin/audit"],
      ["outbox", "/admin/outbox"],
      ["CSV export: search ingrid (whole file)", "/admin/users/export?q=ingrid"],
    ];
    const rows: (string | number)[][] = [];
    for (const [name, path] of pages) {
      const url = `${server.baseUrl}${path}`;
      for (let i = 0; i < 2; i++) await timed(url, cookie);
      const samples = [];
      for (let i = 0; i < RUNS; i++) samples.push(await timed(url, cookie));
      const statuses = [...new Set(samples.map((s) => s.status))].join(",");
      const ms = samples.map((s) => s.ms);
      rows.push([name, statuses, fmt(percentile(ms, 50)), fmt(percentile(ms, 90)), `${Math.round(samples[0].bytes / 1024)} KiB`]);
      log(`${name}: p50 ${fmt(percentile(ms, 50))} ms`);
    }
    console.log(`\n${seed.members} members, ${seed.applications} applications, ${seed.invitations} invitations, ${seed.auditRows} audit rows (seeded in ${fmt(seed.seconds)} s); ${RUNS} sequential requests each\n`);
    console.log(table(["page", "status", "p50 ms", "p90 ms", "size"], rows));
  } finally {
    await server.stop();
    await db.stop();
  }
}

main().catch((err) => {
  console.error(`bench:admin failed: ${(err as Error).message}`);
  process.exit(1);
});
