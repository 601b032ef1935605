import { execFile, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNginx, type RunningNginx } from "../../bench/nginx";
import { createDb, type Db } from "../../lib/db/client";
import { freePort, startEmbeddedPostgres } from "../../lib/db/embedded";
import { isDatabaseUnavailable } from "../../lib/db/errors";
import { migrationUrl as migrationUrlFor, readMigrations } from "../../lib/db/migrate";
import { enqueueEmail } from "../../lib/outbox/enqueue";
import { ensureBuild } from "../../scripts/support/build";
import { ensureDatabase, noteMissingTimeout } from "../../scripts/support/database";
import { apiLogin, sessionCookie } from "../support/auth";
import { http, STRONG_PASSWORD, uniq } from "../support/helpers";
import { memberWithEmail, withKey } from "../support/invite";
import { LINK_PATTERN } from "../support/mailbox";
import { findPgBouncer, startPgBouncer, type RunningPgBouncer } from "../support/pgbouncer";
import { startTestSmtp } from "../support/smtp";
import { startAppServer, type AppServer } from "../support/stack";
import { countBy, storm, type StormRequest } from "../support/storm";
import { makeInviter } from "../support/teach";
import { logEntries, waitFor } from "../support/wait";

// Issue 24 point 2: two hosts, one database, through PgBouncer. One PostgreSQL, PgBouncer
// in transaction mode in front of it (the deploy sample, deploy/pgbouncer/pgbouncer.ini),
// two independent servers (a supervisor each, on its own port, as two machines would run
// them) with DATABASE_URL = PgBouncer and DIRECT_DATABASE_URL = PostgreSQL, and nginx with
// both in its upstream (the deploy site file). The races that matter are run from 5 OS
// processes, each request sent to host A, host B or nginx in turn: the outcomes must be
// exactly those of one host.

const execFileP = promisify(execFile);
const NGINX = [process.env.NGINX, spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim(), "/usr/sbin/nginx"].find(
  (c): c is string => !!c && existsSync(c),
);
const PGBOUNCER = findPgBouncer();

const ROLE = "zporta";
const PASSWORD = `pw-${uniq("role")}`;
const ROLE_STATEMENT_TIMEOUT = "10s";
const REGISTER_LIMIT = 3;
const PROCESSES = 5;

const CREATED = '{"message":"User registered successfully."}';
const USERNAME_TAKEN = '{"error":"Username already taken."}';

let cleanup: (() => Promise<unknown>)[] = [];
let directUrl: string;
let superuserUrl: string;
let bouncer: RunningPgBouncer;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let hosts: AppServer[] = [];
let nginx: RunningNginx;
let db: Db;

/** A fresh client address for each request: the per-address sign-up limit is tested on its own below. */
let addressCounter = 0;
const freshAddress = () => (addressCounter++, `198.18.${addressCounter >> 8}.${addressCounter & 255}`);

/** A host's log lines from this run (a log file is named after its port, which an earlier run may have used). */
let runStart = 0;
const hostLog = (h: AppServer) => logEntries(h.logFile).filter((e) => Date.parse(String(e.time)) >= runStart);

/** Where request i goes: nginx, host A, host B, nginx, … */
const target = (i: number) => [nginx.url, hosts[0].baseUrl, hosts[1].baseUrl][i % 3];

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The newest email to `to` containing `text` that the SMTP sink received, once it has. */
const mailTo = (to: string, text: string) =>
  waitFor(`an email to ${to} with ${text}`, () => smtp.received.filter((m) => m.to.includes(to) && m.body.includes(text)).at(-1), 60_000);

/** "<status> <detail>" per answer (the raw body when it is not the API's JSON). */
function details(results: { status: number; body: string }[]) {
  return countBy(
    results.map((r) => {
      try {
        return { status: r.status, body: String(JSON.parse(r.body).detail) };
      } catch {
        return r;
      }
    }),
  );
}

async function signUp(base: string, address = freshAddress()) {
  const username = uniq("two");
  const user = { username, email: `${username}@example.com`, password: STRONG_PASSWORD };
  const res = await http("/api/users/register/", { base, body: user, headers: { "x-forwarded-for": address } });
  return { user, res };
}

beforeAll(async () => {
  const missing = [!PGBOUNCER && "pgbouncer", !NGINX && "nginx"].filter(Boolean);
  if (missing.length) {
    throw new Error(
      `The two-host test needs pgbouncer and nginx, and ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not installed: \`apt-get install -y pgbouncer nginx\` (.ci/run does).`,
    );
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "zporta-two-hosts-pg-"));
  chmodSync(dir, 0o755); // PostgreSQL runs as its own user when we are root
  const postgres = await startEmbeddedPostgres({ dir, persistent: false });
  superuserUrl = postgres.url;
  cleanup.push(async () => {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  // As deploy/README.md says: the app's own role owns its database, and carries the
  // limits that PgBouncer cannot pass on from the app's connection parameters.
  await withClient(postgres.url, async (c) => {
    await c.query(`CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}'`);
    await c.query(`ALTER ROLE ${ROLE} SET statement_timeout = '${ROLE_STATEMENT_TIMEOUT}'`);
    await c.query(`ALTER ROLE ${ROLE} SET idle_in_transaction_session_timeout = '60s'`);
    await c.query(`CREATE DATABASE zporta OWNER ${ROLE}`);
    await c.query(`CREATE DATABASE zporta_bare OWNER ${ROLE}`);
  });
  const pgPort = Number(new URL(postgres.url).port);
  directUrl = `postgresql://${ROLE}:${PASSWORD}@127.0.0.1:${pgPort}/zporta`;
  bouncer = await startPgBouncer({ upstream: { host: "127.0.0.1", port: pgPort }, users: [{ name: ROLE, password: PASSWORD }], databases: ["zporta_bare"] });
  cleanup.push(() => bouncer.stop());
  smtp = await startTestSmtp();
  cleanup.push(() => smtp.stop());
  ensureBuild();

  const nginxPort = await freePort();
  runStart = Date.now();
  const env = {
    DIRECT_DATABASE_URL: directUrl,
    SMTP_URL: smtp.url,
    // Links in emails point at the site (nginx), whichever host sent them.
    PUBLIC_BASE_URL: `http://127.0.0.1:${nginxPort}`,
    TRUST_PROXY: "127.0.0.1",
    REGISTER_MAX_PER_IP: String(REGISTER_LIMIT),
    OUTBOX_POLL_MS: "200",
  };
  // At the same instant, on a database with no tables yet: both migrate, through the lock.
  const started = await Promise.allSettled([0, 1].map(() => startAppServer({ databaseUrl: bouncer.url(ROLE, PASSWORD), workers: 1, env })));
  for (const s of started) if (s.status === "fulfilled") cleanup.push(s.value.stop);
  const failed = started.find((s) => s.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  hosts = started.map((s) => (s as PromiseFulfilledResult<AppServer>).value);

  const nginxDir = mkdtempSync(path.join(os.tmpdir(), "zporta-two-hosts-nginx-"));
  chmodSync(nginxDir, 0o755);
  cleanup.push(async () => rmSync(nginxDir, { recursive: true, force: true }));
  nginx = await startNginx({ binary: NGINX!, listenPort: nginxPort, appPort: hosts.map((h) => h.port), dir: nginxDir });
  cleanup.push(() => nginx.stop());
  db = createDb(directUrl);
  cleanup.push(() => db.$disconnect());
}, 600_000);

afterAll(async () => {
  for (const stop of cleanup.reverse()) await stop().catch((err) => console.error("cleanup:", err));
  cleanup = [];
}, 120_000);

describe("two hosts through PgBouncer in transaction mode", () => {
  it("both started at once on an empty database and applied every migration exactly once", async () => {
    const files = readMigrations().map((f) => f.name);
    const rows = await withClient(directUrl, (c) =>
      c.query<{ migration_name: string; n: number }>(`SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1 ORDER BY 1`),
    );
    expect(rows.rows).toEqual(files.map((name) => ({ migration_name: name, n: 1 })));
    const applied = hosts.map((h) => hostLog(h).filter((e) => e.event === "start.progress" && String(e.msg).startsWith("applied ")).length);
    console.log(`[two hosts] migrations applied by host A / host B: ${applied.join(" / ")} of ${files.length}`);
    expect(applied[0] + applied[1]).toBe(files.length);
    // Readiness reads the bookkeeping through PgBouncer.
    for (const h of hosts) expect((await http("/api/health/ready", { base: h.baseUrl })).json).toEqual({ status: "ready", checks: { database: "ok", migrations: "ok" } });
  });

  it("migrations through PgBouncer alone (no DIRECT_DATABASE_URL) from 3 processes at once apply each once", async () => {
    const files = readMigrations().map((f) => f.name);
    const { DIRECT_DATABASE_URL: _direct, ...inherited } = process.env;
    const env = { ...inherited, DATABASE_URL: bouncer.url(ROLE, PASSWORD, "zporta_bare") };
    const runs = await Promise.all(
      [0, 1, 2].map(() => execFileP(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], { env, encoding: "utf8" })),
    );
    const counts = runs.map((r) => {
      const m = /migrations: (\d+) applied, (\d+) already applied/.exec(r.stdout);
      expect(m, r.stdout + r.stderr).not.toBeNull();
      return { applied: Number(m![1]), already: Number(m![2]) };
    });
    console.log(`[two hosts] 3 migrators through PgBouncer: ${JSON.stringify(counts)}`);
    for (const c of counts) expect(c.applied + c.already).toBe(files.length);
    expect(counts.reduce((sum, c) => sum + c.applied, 0)).toBe(files.length);
    const rows = await withClient(directUrl.replace(/\/zporta$/, "/zporta_bare"), (c) =>
      c.query<{ migration_name: string; n: number }>(`SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1 ORDER BY 1`),
    );
    expect(rows.rows).toEqual(files.map((name) => ({ migration_name: name, n: 1 })));
  }, 180_000);

  it("30 sign-ups with one username, from 5 processes to both hosts and nginx: one 201", async () => {
    const username = uniq("twohost");
    const requests: StormRequest[] = Array.from({ length: 30 }, (_, i) => ({
      baseUrl: target(i),
      path: i % 2 ? "/api/users/register/" : "/api/users/register",
      body: { username: i % 2 ? username.toUpperCase() : username, email: `${uniq("e")}@example.com`, password: STRONG_PASSWORD },
      headers: { "x-forwarded-for": freshAddress() },
    }));
    const { results } = await storm(nginx.url, requests, PROCESSES);
    const counts = countBy(results);
    console.log("[two hosts] shared username storm:", counts);
    expect(counts).toEqual({ [`201 ${CREATED}`]: 1, [`400 ${USERNAME_TAKEN}`]: 29 });
    const users = await db.user.findMany({ where: { username: { equals: username, mode: "insensitive" } }, include: { profile: true } });
    expect(users).toHaveLength(1);
    expect(users[0].profile).not.toBeNull();
  }, 180_000);

  it("invitations: 10 sends by one inviter give 3, and 10 accepts of one invitation give one, across both hosts", async () => {
    const inviter = await withKey(db, await makeInviter(db));
    const sends: StormRequest[] = Array.from({ length: 10 }, (_, i) => ({
      baseUrl: target(i),
      path: "/api/users/invitations/send/",
      body: { invitee_email: `${uniq("burst")}@example.com` },
      headers: { authorization: `Token ${inviter.key}` },
    }));
    const sent = details((await storm(nginx.url, sends, PROCESSES)).results);
    console.log("[two hosts] 10 sends by one inviter:", sent);
    expect(sent).toEqual({ "201 Invitation sent.": 3, "403 You've reached your monthly limit of 3 invitations": 7 });
    expect(await db.teacherInvitation.count({ where: { inviterId: inviter.id } })).toBe(3);

    // One invitation, sent through one host; its token from the email, as the invitee gets it.
    const other = await withKey(db, await makeInviter(db));
    const email = `${uniq("invitee")}@example.com`;
    const send = await http("/api/users/invitations/send/", { base: hosts[1].baseUrl, key: other.key, body: { invitee_email: email } });
    expect(send.status).toBe(201);
    const token = /\/accept-invitation\?token=([A-Za-z0-9_-]+)/.exec((await mailTo(email, "/accept-invitation?token=")).body)![1];
    const invitee = await memberWithEmail(db, email);
    const accepts: StormRequest[] = Array.from({ length: 10 }, (_, i) => ({
      baseUrl: target(i),
      path: "/api/users/invitations/accept/",
      body: { token },
      headers: { authorization: `Token ${invitee.key}` },
    }));
    const accepted = details((await storm(nginx.url, accepts, PROCESSES)).results);
    console.log("[two hosts] 10 accepts of one invitation:", accepted);
    expect(accepted).toEqual({ "200 Invitation accepted.": 1, "400 This invitation has already been accepted.": 9 });
    const invitation = await db.teacherInvitation.findFirstOrThrow({ where: { inviteeEmail: email } });
    expect(invitation).toMatchObject({ status: "accepted", inviteeId: invitee.id });
    expect(await db.auditLog.count({ where: { action: "invitation.accepted", targetId: invitation.id } })).toBe(1);
  }, 180_000);

  it("a reset link confirmed 10 times at once across both hosts: one 200", async () => {
    const { user, res } = await signUp(hosts[0].baseUrl);
    expect(res.status).toBe(201);
    const asked = await http("/api/users/password-reset/", { base: hosts[1].baseUrl, body: { email: user.email } });
    expect(asked.status).toBe(200);
    // Not the verification email the sign-up also sent.
    const link = LINK_PATTERN.exec((await mailTo(user.email, "/reset-password-confirm/")).body);
    expect(link, "the reset email carries a link to the site").not.toBeNull();
    const [, site, , uid, token] = link!;
    expect(site).toBe(nginx.url);
    const confirms: StormRequest[] = Array.from({ length: 10 }, (_, i) => ({
      baseUrl: target(i),
      path: "/api/users/password-reset/confirm/",
      body: { uid, token, new_password: `Race-Garden-${i}x` },
    }));
    const counts = countBy((await storm(nginx.url, confirms, PROCESSES)).results);
    console.log("[two hosts] 10 confirms of one reset link:", counts);
    expect(counts).toEqual({
      '200 {"message":"Password has been reset successfully."}': 1,
      '400 {"error":"Invalid or expired password reset link."}': 9,
    });
  }, 180_000);

  it("a browser session made on host A and signed out on host B is dead on A; a token likewise the other way", async () => {
    const [a, b] = hosts.map((h) => h.baseUrl);
    const { user, res } = await signUp(a);
    expect(res.status).toBe(201);
    const cookie = await sessionCookie(user.username, user.password, a);
    expect((await http("/api/users/profile/", { base: a, cookie })).status).toBe(200);
    expect((await http("/api/users/profile/", { base: b, cookie })).status).toBe(200);
    expect((await http("/api/users/logout/", { base: b, method: "POST", cookie, origin: true })).status).toBe(200);
    expect((await http("/api/users/profile/", { base: a, cookie })).status).toBe(401);
    const session = await fetch(`${a}/api/auth/session`, { headers: { cookie } });
    expect(await session.json()).toEqual({});

    const login = await apiLogin({ username: user.username, password: user.password }, { base: b });
    expect(login.status).toBe(200);
    const key = login.json!.token as string;
    expect((await http("/api/users/profile/", { base: b, key })).status).toBe(200);
    expect((await http("/api/users/logout/", { base: a, method: "POST", key })).status).toBe(200);
    expect((await http("/api/users/profile/", { base: b, key })).status).toBe(401);
  }, 120_000);

  it(`the sign-up limit per address (${REGISTER_LIMIT}) counts requests to both hosts together`, async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    // One at a time, alternating hosts (and nginx): the limit, not a race, is tested here.
    for (let i = 0; i < REGISTER_LIMIT + 3; i++) statuses.push((await signUp(target(i + 1), address)).res.status);
    expect(statuses).toEqual([...Array(REGISTER_LIMIT).fill(201), 429, 429, 429]);
    // Another address is not held back.
    expect((await signUp(hosts[1].baseUrl)).res.status).toBe(201);
  }, 120_000);

  it("40 queued emails are each delivered once, though both hosts run the delivery loop", async () => {
    const to = Array.from({ length: 40 }, () => `${uniq("bulk")}@example.com`);
    await db.$transaction((tx) => enqueueEmail(tx, ...to.map((address) => ({ kind: "test.bulk", to: address, subject: "Bulk", text: "Hello." }))));
    const ids = (await db.outbox.findMany({ where: { to: { in: to } }, select: { id: true } })).map((r) => r.id);
    expect(ids).toHaveLength(40);
    await waitFor("the 40 emails to be delivered", async () => (await db.outbox.count({ where: { id: { in: ids }, status: "delivered" } })) === 40, 60_000);
    const received = smtp.received.filter((m) => m.outboxId !== null && ids.includes(m.outboxId));
    expect(received.map((m) => m.outboxId).sort((x, y) => x! - y!)).toEqual([...ids].sort((x, y) => x - y));
    // Nothing at all was sent twice over the whole run.
    const all = smtp.received.map((m) => m.outboxId);
    expect(new Set(all).size).toBe(all.length);
    // Each host logs what it delivered (just after marking the row): 40 lines in all.
    const deliveredBy = () => hosts.map((h) => hostLog(h).filter((e) => e.event === "outbox.delivered" && ids.includes(e.outboxId as number)).length);
    const byHost = await waitFor("both hosts' delivery log lines", () => {
      const counts = deliveredBy();
      return counts[0] + counts[1] >= 40 && counts;
    });
    console.log(`[two hosts] the 40 emails delivered by host A / host B: ${byHost.join(" / ")}`);
    expect(byHost[0] + byHost[1]).toBe(40);
  }, 120_000);

  it("a start behind a pooler warns when the role bounds no statement, and only then", async () => {
    const said: string[] = [];
    await noteMissingTimeout(bouncer.url(ROLE, PASSWORD), (m) => said.push(m));
    expect(said).toEqual([]);
    await noteMissingTimeout(superuserUrl, (m) => said.push(m)); // a role with no settings
    expect(said).toEqual([
      'warning: through DATABASE_URL the database sets no statement_timeout or idle_in_transaction_session_timeout; behind PgBouncer set them on the app\'s role (deploy/README.md, "Scaling out")',
    ]);
    for (const h of hosts) expect(hostLog(h).filter((e) => String(e.msg).startsWith("warning: through DATABASE_URL"))).toEqual([]);
  });

  it("a start checks DIRECT_DATABASE_URL and migrates there; unreachable, it refuses in one sentence without the password", async () => {
    const saved = { DATABASE_URL: process.env.DATABASE_URL, DIRECT_DATABASE_URL: process.env.DIRECT_DATABASE_URL };
    const restore = () => {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    };
    try {
      process.env.DATABASE_URL = bouncer.url(ROLE, PASSWORD);
      process.env.DIRECT_DATABASE_URL = directUrl;
      const said: string[] = [];
      const ok = await ensureDatabase({ temporary: true, log: (m) => said.push(m) });
      expect(ok).toMatchObject({ url: bouncer.url(ROLE, PASSWORD), migrationUrl: directUrl, embedded: false });
      expect(said).toEqual([]); // all applied already, and the role bounds its statements

      const nobody = await freePort();
      process.env.DIRECT_DATABASE_URL = `postgresql://${ROLE}:not-this-one@127.0.0.1:${nobody}/zporta`;
      const refused = await ensureDatabase({ temporary: true, log: () => {} }).then(
        () => new Error("the start went on"),
        (e: unknown) => e as Error,
      );
      expect(refused.message).toMatch(new RegExp(`^The database at 127\\.0\\.0\\.1:${nobody}/zporta \\(DIRECT_DATABASE_URL\\) could not be reached: [^\\n]+\\.$`));
      expect(refused.message).not.toContain("not-this-one");
    } finally {
      restore();
    }
  });

  it("migrations and the import take DIRECT_DATABASE_URL only beside DATABASE_URL", () => {
    const migrationUrl = (url: string, env: Record<string, string>) => migrationUrlFor(url, env as NodeJS.ProcessEnv);
    expect(migrationUrl("postgresql://pool/db", { DATABASE_URL: "postgresql://pool/db", DIRECT_DATABASE_URL: "postgresql://pg/db" })).toBe("postgresql://pg/db");
    expect(migrationUrl("postgresql://pool/db", { DATABASE_URL: "postgresql://pool/db", DIRECT_DATABASE_URL: " " })).toBe("postgresql://pool/db");
    // An embedded database (no DATABASE_URL) is always reached directly.
    expect(migrationUrl("postgresql://embedded/db", { DIRECT_DATABASE_URL: "postgresql://pg/db" })).toBe("postgresql://embedded/db");
  });

  it(`a statement through PgBouncer is still cut by the server (the role's statement_timeout, ${ROLE_STATEMENT_TIMEOUT})`, async () => {
    // The app's own client: it asks for its timeouts at connect; PgBouncer drops them
    // (ignore_startup_parameters) and the role's settings govern.
    const app = createDb(bouncer.url(ROLE, PASSWORD));
    try {
      const [{ statement_timeout }] = await app.$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`;
      expect(statement_timeout).toBe(ROLE_STATEMENT_TIMEOUT);
      const started = Date.now();
      const err = await app.$queryRaw`SELECT pg_sleep(60)`.then(
        () => new Error("the statement was not cut"),
        (e: unknown) => e,
      );
      const seconds = (Date.now() - started) / 1000;
      expect(String((err as Error).message)).toMatch(/statement timeout/);
      expect(isDatabaseUnavailable(err)).toBe(true);
      // Before the client's own backstop (DB_QUERY_TIMEOUT_MS, 15 s): the server cut it.
      expect(seconds).toBeLessThan(14.5);
    } finally {
      await app.$disconnect();
    }
  }, 60_000);

  it("neither host logged an error over the whole run", () => {
    for (const h of hosts) expect(hostLog(h).filter((e) => e.level === "error" || e.level === "fatal")).toEqual([]);
  });
});
