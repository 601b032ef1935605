import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "../../lib/db/migrate";
import { importDjango } from "../../lib/import-django/import";
import type { ImportReport } from "../../lib/import-django/types";
import { logger } from "../../lib/log/logger";
import { createDatabase, fixtureKey, loadFixtureDatabase, type KeyUser } from "../support/django-legacy";
import { withPg } from "../support/helpers";
import { startTestServer, TEST_SERVER_ENV, type TestServer } from "../support/stack";
import { storm } from "../support/storm";
import { logEntries, waitFor } from "../support/wait";

// The import against the Django-written fixture, through the operator command, into a
// database of its own (ids are kept, so it cannot share the suite's database), with an
// app server of its own on it for the sign-in checks.

const run = promisify(execFile);
const key = fixtureKey();

let legacyUrl: string;
let targetUrl: string;
let server: TestServer;
let first: ImportReport;

async function manage(args: string[], databaseUrl: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/manage.ts", ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function importJson(from: string, to: string, extra: string[] = []): Promise<ImportReport> {
  const out = await manage(["import-django", "--from", from, "--json", ...extra], to);
  expect(out.stderr).toBe("");
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout) as ImportReport;
}

async function freshTarget(): Promise<string> {
  const url = await createDatabase(inject("databaseUrl"), "target");
  await migrate(url);
  return url;
}

const rows = async <T>(sql: string, params: unknown[] = []) => (await withPg((c) => c.query(sql, params), targetUrl)).rows as T[];

async function login(username: string, password: string) {
  const res = await fetch(`${server.baseUrl}/api/users/login/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Runs `fn` over `items`, `limit` at a time (PBKDF2 at 870,000 iterations is slow on purpose). */
async function limited<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  }));
  return out;
}

beforeAll(async () => {
  legacyUrl = await loadFixtureDatabase(inject("databaseUrl"));
  targetUrl = await freshTarget();
  first = await importJson(legacyUrl, targetUrl);
  // Ten simultaneous sign-ins of one account must not trip the per-account limit here.
  server = await startTestServer(targetUrl, { ...TEST_SERVER_ENV, LOGIN_MAX_FAILURES: "1000" }, 2);
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

const byId = (id: number) => key.users.find((u) => u.id === id)!;
const conflict = (kind: string) => first.conflicts.filter((c) => c.kind === kind);

describe("import-django on the Django fixture", () => {
  it("imports every row and reports each of the old defects as a conflict", () => {
    expect(first.users).toEqual({ imported: key.users.length, updated: 0, unchanged: 0, skipped: 0 });
    expect(first.profiles.imported).toBe(key.users.length);
    expect(first.guide_applications.imported).toBe(7);
    expect(first.invitations.imported).toBe(key.invitations.length);
    expect(first.tokens.imported).toBe(key.tokens.length);
    const noProfile = key.users.filter((u) => !u.profile).map((u) => u.id);
    expect(conflict("missing_profile").map((c) => c.ids[0])).toEqual(noProfile);
    expect(conflict("duplicate_email").map((c) => c.ids)).toEqual([[14, 13], [18, 17]]);
    expect(conflict("duplicate_username").map((c) => c.ids)).toEqual([[15, 16]]);
    expect(conflict("blank_email").map((c) => c.ids)).toEqual([[19]]);
    expect(conflict("invalid_email").map((c) => c.ids)).toEqual([[20]]);
    expect(conflict("username_is_another_email").map((c) => c.ids)).toEqual([[21, 4]]);
    expect(conflict("two_open_applications").map((c) => c.ids)).toEqual([[6, 5]]);
    expect(conflict("approved_without_reviewer").map((c) => c.ids)).toEqual([[7]]);
    expect(conflict("overdue_pending_invitation").map((c) => c.ids)).toEqual([[5]]);
    expect(conflict("invitation_limit_exceeded")).toHaveLength(1);
    expect(conflict("value_too_long").map((c) => c.ids)).toEqual([[23]]);
    for (const c of first.conflicts) expect(c.action.length).toBeGreaterThan(10);
  });

  it("keeps ids, one profile per user, no shared email or username in any letter case", async () => {
    const users = await rows<{ id: number; username: string; email: string | null; legacyEmail: string | null }>(
      `SELECT "id", "username", "email", "legacyEmail" FROM "User" ORDER BY "id"`,
    );
    expect(users.map((u) => u.id)).toEqual(key.users.map((u) => u.id));
    const profiles = await rows<{ userId: number; n: number }>(`SELECT "userId", count(*)::int AS n FROM "Profile" GROUP BY "userId"`);
    expect(profiles).toHaveLength(users.length);
    expect(profiles.every((p) => p.n === 1)).toBe(true);
    const dupes = await rows(
      `SELECT k FROM (SELECT lower("username" COLLATE "und-x-icu") AS k FROM "User"
                      UNION ALL SELECT lower("email" COLLATE "und-x-icu") FROM "User" WHERE "email" IS NOT NULL) x
       GROUP BY k HAVING count(*) > 1`,
    );
    expect(dupes).toEqual([]);
    const u = new Map(users.map((x) => [x.id, x]));
    expect(u.get(13)).toMatchObject({ email: null, legacyEmail: "liam.dup@example.com" });
    expect(u.get(19)).toMatchObject({ email: null, legacyEmail: null });
    expect(u.get(20)).toMatchObject({ email: null, legacyEmail: "not-an-email" });
    expect(u.get(16)?.username).toBe("mona~16");
    expect(u.get(21)?.username).toBe("carol~21");
    const apps = await rows<{ id: number; status: string; reviewedById: number | null }>(`SELECT "id", "status"::text, "reviewedById" FROM "GuideApplication" ORDER BY "id"`);
    expect(apps.find((a) => a.id === 5)?.status).toBe("rejected");
    expect(apps.find((a) => a.id === 6)?.status).toBe("pending");
    expect(apps.find((a) => a.id === 7)).toMatchObject({ status: "approved", reviewedById: null });
  });

  it("moves the sequences past the imported ids", async () => {
    const [{ next }] = await rows<{ next: number }>(`SELECT nextval(pg_get_serial_sequence('"User"', 'id'))::int AS next`);
    expect(next).toBeGreaterThan(Math.max(...key.users.map((u) => u.id)));
  });

  it("keeps every DRF key working for GET /api/users/profile/ (an inactive user's refused)", async () => {
    // Checked before any sign-in: today a sign-in through the API replaces the user's token.
    for (const t of key.tokens) {
      const res = await fetch(`${server.baseUrl}/api/users/profile/`, { headers: { authorization: `Token ${t.key}` } });
      const owner = key.users.find((u) => u.username === t.username)!;
      if (owner.note === "deactivated") expect(res.status).toBe(401);
      else {
        expect(res.status).toBe(200);
        expect(((await res.json()) as { username: string }).username).toBe(t.username);
      }
    }
    const [{ n }] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM "ApiToken" WHERE "keyHash" !~ '^[0-9a-f]{64}$'`);
    expect(n).toBe(0);
  });

  it("opens every pending invitation by its old UUID link; the overdue one is expired", async () => {
    for (const inv of key.invitations) {
      const res = await fetch(`${server.baseUrl}/api/users/invitations/accept/?token=${inv.token}`);
      const body = (await res.json()) as Record<string, unknown>;
      if (inv.id === 5) expect(body.status).toBe("expired");
      else if (inv.status === "pending") {
        expect(res.status).toBe(200);
        expect(JSON.stringify(body)).toContain(inv.invitee_email);
      } else expect(body.status).toBe(inv.status);
    }
    const upper = key.invitations[0].token.toUpperCase();
    expect((await fetch(`${server.baseUrl}/api/users/invitations/accept/?token=${upper}`)).status).toBe(200);
    const stored = await rows(`SELECT 1 FROM "TeacherInvitation" WHERE "tokenHash" = ANY($1)`, [key.invitations.map((i) => i.token)]);
    expect(stored).toEqual([]); // only hashes are kept
  });

  it("a second run reports no imports and no updates; a dry run writes nothing", async () => {
    const again = await importJson(legacyUrl, targetUrl);
    for (const t of ["users", "profiles", "guide_applications", "invitations", "tokens"] as const) {
      expect(again[t].imported).toBe(0);
      expect(again[t].updated).toBe(0);
    }
    expect(again.conflicts.map((c) => c.kind)).toEqual(first.conflicts.map((c) => c.kind));

    const empty = await freshTarget();
    const dry = await importJson(legacyUrl, empty, ["--dry-run"]);
    expect(dry.dryRun).toBe(true);
    expect(dry.users.imported).toBe(key.users.length);
    const counts = await withPg((c) => c.query(`SELECT (SELECT count(*) FROM "User")::int AS u, (SELECT count(*) FROM "DjangoImportRow")::int AS d`), empty);
    expect(counts.rows[0]).toEqual({ u: 0, d: 0 });
  });

  it("updates what changed in the old system, and only that", async () => {
    const scratch = await freshTarget();
    await importJson(legacyUrl, scratch);
    // A copy of the old database, then changes made there as the live old system would.
    const changed = new URL(legacyUrl);
    changed.pathname = `/${new URL(legacyUrl).pathname.slice(1)}_v2`;
    await withPg((c) => c.query(`CREATE DATABASE "${changed.pathname.slice(1)}" TEMPLATE "${new URL(legacyUrl).pathname.slice(1)}"`), inject("databaseUrl"));
    await withPg(async (c) => {
      await c.query(`UPDATE auth_user SET email = 'alice.new@example.com' WHERE id = 2`);
      await c.query(`UPDATE users_profile SET bio = 'new bio' WHERE user_id = 3`);
      await c.query(`INSERT INTO auth_user (id, password, is_superuser, username, first_name, last_name, email, is_staff, is_active, date_joined)
                     VALUES (26, '!x', false, 'newbie', '', '', 'newbie@example.com', false, true, now())`);
    }, changed.toString());
    const delta = await importJson(changed.toString(), scratch);
    expect(delta.users).toMatchObject({ imported: 1, updated: 1 });
    expect(delta.profiles).toMatchObject({ imported: 1, updated: 1 });
    const [alice] = (await withPg((c) => c.query(`SELECT "email", "passwordHash" FROM "User" WHERE "id" = 2`), scratch)).rows;
    expect(alice.email).toBe("alice.new@example.com");
  });

  it("an interrupted import leaves whole batches (every user with a profile); the next run continues", async () => {
    const scratch = await freshTarget();
    const quiet = logger.child({}, { level: "silent" });
    const interrupt = (table: string, done: number) => {
      if (table === "users" && done >= 10) throw new Error("interrupted");
    };
    await expect(importDjango({ from: legacyUrl, targetUrl: scratch, batchSize: 5, progress: interrupt, log: quiet })).rejects.toThrow("interrupted");
    const counts = await withPg(
      (c) => c.query(`SELECT (SELECT count(*) FROM "User")::int AS users, (SELECT count(*) FROM "User" u WHERE NOT EXISTS (SELECT 1 FROM "Profile" p WHERE p."userId" = u."id"))::int AS bare`),
      scratch,
    );
    expect(counts.rows[0]).toEqual({ users: 10, bare: 0 });
    const rest = await importDjango({ from: legacyUrl, targetUrl: scratch, batchSize: 5, log: quiet });
    expect(rest.users).toEqual({ imported: key.users.length - 10, updated: 0, unchanged: 10, skipped: 0 });
    expect(rest.tokens.imported).toBe(key.tokens.length);
  });

  it("signs every fixture user with a password in with it (any letter case), then stores argon2id", async () => {
    // The slowest old hash alone first, for the figure in docs/django-import.md (not asserted: machines differ).
    const slowest = key.users.find((u) => u.hash_prefix === "pbkdf2_sha256$1000000")!;
    const t0 = performance.now();
    expect((await login(slowest.username, slowest.password!)).status).toBe(200);
    console.log(`sign-in with a pbkdf2_sha256 1,000,000-iteration hash (verify + argon2id rehash): ${(performance.now() - t0).toFixed(0)} ms`);
    const t1 = performance.now();
    expect((await login(slowest.username, slowest.password!)).status).toBe(200);
    console.log(`the same user's next sign-in (argon2id): ${(performance.now() - t1).toFixed(0)} ms`);

    // MD5 is not kept (weak_password_hash): that person resets the password instead (review N-L4).
    const signIn = key.users.filter((u) => u.password && u.note !== "deactivated" && u !== slowest && u.hash_prefix !== "md5");
    const md5 = key.users.find((u) => u.hash_prefix === "md5")!;
    const refused = await login(md5.username, md5.password!);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/must be reset/);
    const [weak] = await rows<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE "id" = $1`, [md5.id]);
    expect(weak.passwordHash).toBe("!reset-required"); // the MD5 was not kept
    const nameFor = (u: KeyUser) => (u.id === 16 ? "mona~16" : u.id === 21 ? "carol~21" : u.username);
    const results = await limited(signIn, 4, async (u) => {
      const name = nameFor(u);
      const res = await login(u.id % 2 === 0 ? name.toUpperCase() : name, u.password!);
      return { u, res };
    });
    for (const { u, res } of results) {
      expect({ user: u.username, status: res.status }).toEqual({ user: u.username, status: 200 });
      expect(res.body.id).toBe(u.id);
    }
    const hashes = await rows<{ id: number; passwordHash: string }>(`SELECT "id", "passwordHash" FROM "User" WHERE "id" = ANY($1)`, [signIn.map((u) => u.id)]);
    for (const h of hashes) expect(h.passwordHash).toMatch(/^\$argon2id\$/);
    // Signing in again works against the new hash.
    expect((await login(signIn[0].username, signIn[0].password!)).status).toBe(200);
  }, 300_000);

  it("never signs in the unusable password, the deactivated user or a removed duplicate email", async () => {
    const google = key.users.find((u) => u.password === null)!;
    for (const attempt of ["x", "password", google.hash_prefix]) expect((await login(google.username, attempt)).status).toBe(400);
    const inactive = key.users.find((u) => u.note === "deactivated")!;
    expect((await login(inactive.username, inactive.password!)).status).toBe(400);
    const [kate] = await rows<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE "id" = $1`, [inactive.id]);
    expect(kate.passwordHash.startsWith("pbkdf2_sha256$")).toBe(true);
    // liam's old email went to liam2 (the more recent sign-in): it names liam2 now.
    const res = await login("liam.dup@example.com", byId(14).password!);
    expect(res.body.id).toBe(14);
    expect((await login("liam.dup@example.com", byId(13).password!)).status).toBe(400);
  });

  it("rehashes once when one legacy user signs in ten times at once from several processes", async () => {
    const u = byId(2); // pbkdf2_sha256, 260,000 iterations
    // Put back the exact hash the old system had (as before the user's first sign-in here).
    const legacyHash = (await withPg((c) => c.query(`SELECT password FROM auth_user WHERE id = $1`, [u.id]), legacyUrl)).rows[0].password as string;
    await withPg((c) => c.query(`UPDATE "User" SET "passwordHash" = $1 WHERE "id" = $2`, [legacyHash, u.id]), targetUrl);
    const upgrades = () => logEntries(server.serverLog).filter((e) => e.event === "login.password_upgraded" && e.userId === u.id).length;
    const before = upgrades();
    const { results } = await storm(
      server.baseUrl,
      Array.from({ length: 10 }, () => ({ path: "/api/users/login/", body: { username: u.username, password: u.password } })),
      5,
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const [after] = await rows<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE "id" = $1`, [u.id]);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    await waitFor("the upgrade's log line", () => upgrades() > before);
    expect(upgrades() - before).toBe(1);
    expect((await login(u.username, u.password!)).status).toBe(200);
  }, 120_000);
});

describe("import-django refuses bad input with one sentence, exit code 1 and nothing written", () => {
  async function copyOfFixture(change: string): Promise<string> {
    const url = new URL(legacyUrl);
    url.pathname = `${url.pathname}_${Math.random().toString(36).slice(2, 8)}`;
    await withPg((c) => c.query(`CREATE DATABASE "${url.pathname.slice(1)}" TEMPLATE "${new URL(legacyUrl).pathname.slice(1)}"`), inject("databaseUrl"));
    await withPg((c) => c.query(change), url.toString());
    return url.toString();
  }

  it.each([
    ["not a Django database", async () => createDatabase(inject("databaseUrl"), "plain"), /not a Django database/],
    ["a missing table", async () => copyOfFixture("DROP TABLE users_teacherinvitation"), /has no users_teacherinvitation table/],
    ["another version's schema", async () => copyOfFixture("ALTER TABLE auth_user DROP COLUMN last_login"), /lacks last_login/],
    ["an empty database", async () => copyOfFixture("TRUNCATE auth_user CASCADE"), /no users/],
    ["an unreachable address", async () => "postgres://nobody:secret@127.0.0.1:1/none", /Cannot connect to the old database/],
    ["not a URL", async () => "old-db", /not a database URL/],
  ])("%s", async (_what, source, message) => {
    const target = await freshTarget();
    const out = await manage(["import-django", "--from", await source()], target);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe("");
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).not.toContain("secret");
    const written = await withPg((c) => c.query(`SELECT (SELECT count(*) FROM "User")::int + (SELECT count(*) FROM "DjangoImportRow")::int AS n`), target);
    expect(written.rows[0].n).toBe(0);
  });
});
