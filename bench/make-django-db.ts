// `node --import tsx bench/make-django-db.ts <postgres-url-of-an-empty-database> [users]`
// Builds an old Django database like the fixture's (its schema: tests/fixtures/django-legacy)
// with `users` (default 100,000) generated users, to measure the import:
//   time npm run manage -- import-django --from <that url> --json > /dev/null
// Every user has a profile but 1 in 100; 1 in 500 shares an email with another in other
// letter case; 1 in 20 has a guide application, 1 in 50 an invitation, 1 in 10 a DRF token.
// The password hashes are one real Django hash repeated (hashing is not what is measured).
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

const [url, usersArg] = process.argv.slice(2);
if (!url) {
  console.error("Usage: node --import tsx bench/make-django-db.ts <postgres-url-of-an-empty-database> [users]");
  process.exit(2);
}
const users = Number(usersArg ?? 100_000);
const started = performance.now();

const load = spawnSync("psql", [url, "-q", "-v", "ON_ERROR_STOP=1", "-f", path.resolve("tests/fixtures/django-legacy/legacy.sql")], { encoding: "utf8" });
if (load.error || load.status !== 0) {
  console.error(`Loading the schema with psql failed: ${load.error?.message ?? load.stderr}`);
  process.exit(1);
}

const c = new pg.Client({ connectionString: url });
await c.connect();
const [{ password }] = (await c.query<{ password: string }>(`SELECT password FROM auth_user WHERE id = 2`)).rows;
await c.query(`TRUNCATE auth_user, users_profile, users_guideapplicationrequest, users_teacherinvitation, authtoken_token CASCADE`);
await c.query(
  `INSERT INTO auth_user (id, password, last_login, is_superuser, username, first_name, last_name, email, is_staff, is_active, date_joined)
   SELECT g, $1, CASE WHEN g % 3 = 0 THEN NULL ELSE now() - make_interval(days => g % 700) END, false,
          'member' || g, '', '',
          CASE WHEN g % 500 = 0 THEN 'MEMBER' || (g - 1) || '@Example.com' ELSE 'member' || g || '@example.com' END,
          false, g % 97 <> 0, now() - make_interval(days => g % 1000)
   FROM generate_series(1, $2::int) g`,
  [password, users],
);
await c.query(
  `INSERT INTO users_profile (id, role, bio, active_guide, can_invite_teachers, user_id, created_at, display_name, email_notifications, locale, updated_at)
   SELECT g, (ARRAY['explorer','guide','both'])[1 + g % 3], CASE WHEN g % 7 = 0 THEN repeat('bio ', 50) END, g % 3 <> 0, g % 50 = 0, g,
          now(), 'Member ' || g, true, 'en', now()
   FROM generate_series(1, $1::int) g WHERE g % 100 <> 0`,
  [users],
);
await c.query(
  `INSERT INTO users_guideapplicationrequest (id, motivation, experience, subjects_to_teach, status, reviewed_at, admin_notes, created_at, updated_at, referred_by_id, reviewed_by_id, user_id)
   SELECT g / 20, 'I want to teach', NULL, 'Maths', (ARRAY['pending','approved','rejected'])[1 + g % 3],
          CASE WHEN g % 3 <> 0 THEN now() END, NULL, now() - interval '10 days', now(), NULL, NULL, g
   FROM generate_series(20, $1::int, 20) g`,
  [users],
);
await c.query(
  `INSERT INTO users_teacherinvitation (id, invitee_email, token, personal_message, status, created_at, accepted_at, expires_at, invitee_id, inviter_id)
   SELECT g / 50, 'invitee' || g || '@example.com', gen_random_uuid(), NULL, 'pending', now() - make_interval(days => g % 60), NULL,
          now() - make_interval(days => g % 60) + interval '30 days', NULL, g
   FROM generate_series(50, $1::int, 50) g`,
  [users],
);
await c.query(
  `INSERT INTO authtoken_token (key, created, user_id)
   SELECT encode(sha256(g::text::bytea), 'hex')::varchar(40), now(), g FROM generate_series(10, $1::int, 10) g`,
  [users],
);
await c.query(`ANALYZE`);
await c.end();
console.log(`Old Django database with ${users} users built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
