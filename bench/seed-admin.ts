// Fills a database with N members (default 100,000) and what surrounds them: a profile
// each, guide applications, invitations and audit rows, for measuring the staff pages at
// scale (bench/admin.ts). Set-based SQL (generate_series), one transaction for the
// members and their profiles (the database refuses a user without a profile at commit).
//   DATABASE_URL=postgres://… node --import tsx bench/seed-admin.ts [members]
// Names are a first name and a number from a random block of a million (no substring
// shared by every row, which would flatter or punish the trigram indexes), so runs on
// one database do not collide. Passwords are unusable placeholders.
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import pg from "pg";

export interface SeedResult {
  /** Ids of the seeded members: (firstId, lastId]. */
  afterId: number;
  lastId: number;
  members: number;
  applications: number;
  invitations: number;
  auditRows: number;
  seconds: number;
}

const NAMES = ["anna", "björn", "chloé", "dmitri", "émile", "fatima", "giulia", "hiro", "ingrid", "józef", "łucja", "zoë"];
const DISPLAY = ["Anna Müller", "Björn Ångström", "Chloé Dubois", "Дмитрий Иванов", "Émile Zola", "فاطمة", "Giulia Rossi", "弘 田中", "Ingrid Øster", "Józef Wąsik", "Łucja Żak", "Zoë Ωmega"];

export async function seedAdmin(databaseUrl: string, members = 100_000, log: (m: string) => void = console.log): Promise<SeedResult> {
  const base = (randomBytes(4).readUInt32BE() % 1000) * 1_000_000;
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    const afterId = Number((await client.query(`SELECT coalesce(max("id"), 0) AS id FROM "User"`)).rows[0].id);
    // Joined over the last two years, newest first by i; a quarter never signed in; 60 % verified; 3 % inactive.
    await client.query(
      `INSERT INTO "User" ("username", "email", "passwordHash", "isActive", "dateJoined", "lastLogin", "emailVerifiedAt")
       SELECT format('%s_%s', ($2::text[])[1 + i % 12], $1::int + i),
              format('%s.%s@%s', ($2::text[])[1 + (i / 12) % 12], $1::int + i, (ARRAY['example.org', 'school.example', 'mail.example'])[1 + i % 3]),
              '!unusable', i % 33 <> 0, j, CASE WHEN i % 4 = 0 THEN NULL ELSE j + (now() - j) * ((i * 7919) % 100) / 100.0 END,
              CASE WHEN i % 5 < 3 THEN j + interval '5 minutes' END
       FROM generate_series(1, $3::int) AS i, LATERAL (SELECT now() - make_interval(secs => i * (63072000.0 / $3::int) + (i * 7919) % 600) AS j) AS t`,
      [base, NAMES, members],
    );
    await client.query(
      `INSERT INTO "Profile" ("userId", "role", "displayName", "activeGuide", "canInviteTeachers")
       SELECT u."id", CASE WHEN n % 10 = 0 THEN 'guide'::"Role" WHEN n % 25 = 0 THEN 'both'::"Role" ELSE 'explorer'::"Role" END,
              CASE WHEN n % 3 = 0 THEN NULL ELSE format('%s %s', ($2::text[])[1 + n % 12], n) END, n % 10 = 0, n % 50 = 0
       FROM "User" u, LATERAL (SELECT u."id" - $1::int AS n) AS x
       WHERE u."id" > $1::int`,
      [afterId, DISPLAY],
    );
    await client.query("COMMIT");
    log(`seeded ${members} members and profiles (${((performance.now() - started) / 1000).toFixed(1)} s)`);

    const apps = await client.query(
      `INSERT INTO "GuideApplication" ("userId", "motivation", "subjectsToTeach", "status", "reviewedAt", "createdAt")
       SELECT u."id", 'I want to teach.', 'maths, physics',
              s.status::"GuideApplicationStatus", CASE WHEN s.status = 'pending' THEN NULL ELSE now() END, u."dateJoined" + interval '1 day'
       FROM "User" u, LATERAL (SELECT u."id" - $1::int AS n) AS x,
            LATERAL (SELECT CASE WHEN x.n % 200 = 0 THEN 'pending' WHEN x.n % 40 = 0 THEN 'approved' ELSE 'rejected' END AS status) AS s
       WHERE u."id" > $1::int AND x.n % 20 = 0`,
      [afterId],
    );
    const invitations = await client.query(
      `INSERT INTO "TeacherInvitation" ("inviterId", "inviteeEmail", "tokenHash", "status", "createdAt", "expiresAt")
       SELECT u."id", format('invitee.%s.%s@example.org', u."id", k), encode(sha256(convert_to(format('%s:%s:%s', $2::text, u."id", k), 'UTF8')), 'hex'),
              (ARRAY['pending', 'expired', 'cancelled', 'pending'])[1 + k % 4]::"InvitationStatus", c.at, c.at + interval '30 days'
       FROM "User" u, LATERAL (SELECT u."id" - $1::int AS n) AS x, generate_series(1, 10) AS k,
            LATERAL (SELECT now() - make_interval(days => (x.n + k) % 60) AS at) AS c
       WHERE u."id" > $1::int AND x.n % 50 = 0`,
      [afterId, randomBytes(8).toString("hex")],
    );
    const audit = await client.query(
      `INSERT INTO "AuditLog" ("actorId", "action", "targetType", "targetId", "notes", "createdAt")
       SELECT NULL, (ARRAY['user.activated', 'user.deactivated', 'profile.invite_permission_granted', 'session.revoked_all', 'invitation.sent'])[1 + g % 5],
              'User', $1::int + 1 + (g * 7919) % $2::int, CASE WHEN g % 3 = 0 THEN 'seeded' END, now() - make_interval(secs => g * 300)
       FROM generate_series(1, $2::int * 2) AS g`,
      [afterId, members],
    );
    await client.query(`ANALYZE`);
    const lastId = Number((await client.query(`SELECT max("id") AS id FROM "User"`)).rows[0].id);
    const result = {
      afterId,
      lastId,
      members,
      applications: apps.rowCount ?? 0,
      invitations: invitations.rowCount ?? 0,
      auditRows: audit.rowCount ?? 0,
      seconds: (performance.now() - started) / 1000,
    };
    log(`seeded ${result.applications} applications, ${result.invitations} invitations, ${result.auditRows} audit rows; ${result.seconds.toFixed(1)} s in all`);
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("Set DATABASE_URL to the database to fill (a disposable one).");
    process.exit(2);
  }
  seedAdmin(url, Number(process.argv[2] ?? 100_000)).catch((err) => {
    console.error(`Seeding failed: ${(err as Error).message}`);
    process.exit(1);
  });
}
