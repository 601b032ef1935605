import pg from "pg";
import { DomainError } from "../errors";
import type { LegacyData } from "./types";

// Reads the old Django database in one read-only, repeatable-read transaction: every
// table from the same snapshot while the old system stays live, and no statement of this
// connection can write there. Recognises the schema first; anything else is refused with
// one sentence before this system's database is touched.

const refuse = (message: string) => new DomainError("import_source_refused", message, 400);

/** The columns this import reads, per table (Django 3.2's auth and DRF authtoken, the old `users` app). */
export const REQUIRED_COLUMNS: Record<string, string[]> = {
  auth_user: ["id", "password", "last_login", "is_superuser", "username", "email", "is_staff", "is_active", "date_joined"],
  users_profile: ["id", "user_id", "role", "bio", "active_guide", "can_invite_teachers", "display_name", "created_at", "updated_at"],
  users_guideapplicationrequest: ["id", "user_id", "motivation", "experience", "subjects_to_teach", "status", "reviewed_at", "admin_notes", "created_at", "updated_at", "referred_by_id", "reviewed_by_id"],
  users_teacherinvitation: ["id", "invitee_email", "token", "personal_message", "status", "created_at", "accepted_at", "expires_at", "invitee_id", "inviter_id"],
  authtoken_token: ["key", "created", "user_id"],
};
const REQUIRED_APPS = ["auth", "authtoken", "users"];

export async function connectSource(url: string): Promise<pg.Client> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse("The --from value is not a PostgreSQL URL (postgres://user:password@host:port/database).");
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw refuse("The --from value is not a PostgreSQL URL (postgres://user:password@host:port/database).");
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {}); // a dropped connection surfaces as the failing query's error
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    // pg and the socket layer say what failed (unknown database, refused, bad password) without the URL's secret.
    const reason = (err as Error).message || (err as { code?: string }).code;
    throw refuse(`Cannot connect to the old database at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname} (${reason}).`);
  }
  return client;
}

async function recognise(client: pg.Client): Promise<void> {
  const hasMigrations = await client.query<{ t: string | null }>(`SELECT to_regclass('django_migrations')::text AS t`);
  if (!hasMigrations.rows[0].t) throw refuse("The old database is not a Django database (it has no django_migrations table).");
  const apps = await client.query<{ app: string }>(`SELECT DISTINCT app FROM django_migrations WHERE app = ANY($1)`, [REQUIRED_APPS]);
  const missingApps = REQUIRED_APPS.filter((a) => !apps.rows.some((r) => r.app === a));
  if (missingApps.length > 0) throw refuse(`The old database is a Django database without the ${missingApps.join(", ")} app's migrations: not the platform this import reads.`);
  const cols = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ANY($1)`,
    [Object.keys(REQUIRED_COLUMNS)],
  );
  for (const [table, columns] of Object.entries(REQUIRED_COLUMNS)) {
    const present = new Set(cols.rows.filter((r) => r.table_name === table).map((r) => r.column_name));
    if (present.size === 0) throw refuse(`The old database has no ${table} table: not the Django schema this import reads.`);
    const missing = columns.filter((c) => !present.has(c));
    if (missing.length > 0) throw refuse(`The old database's ${table} table lacks ${missing.join(", ")}: a schema from another version than this import reads.`);
  }
}

/** Every row the import needs, from one snapshot. Refuses a database that is not the old platform's, or is empty. */
export async function readSource(client: pg.Client): Promise<LegacyData> {
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    await recognise(client);
    const q = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows;
    const users = await q<LegacyData["users"][number]>(
      `SELECT id, password, last_login, is_superuser, username, email, is_staff, is_active, date_joined FROM auth_user ORDER BY id`,
    );
    if (users.length === 0) throw refuse("The old database has no users: there is nothing to import.");
    const data: LegacyData = {
      users,
      profiles: await q(`SELECT id::int AS id, user_id, role, bio, active_guide, can_invite_teachers, display_name, created_at, updated_at FROM users_profile ORDER BY id`),
      applications: await q(
        `SELECT id::int AS id, user_id, motivation, experience, subjects_to_teach, status, reviewed_at, admin_notes, created_at, updated_at, referred_by_id, reviewed_by_id
         FROM users_guideapplicationrequest ORDER BY id`,
      ),
      invitations: await q(
        `SELECT id::int AS id, invitee_email, token::text AS token, personal_message, status, created_at, accepted_at, expires_at, invitee_id, inviter_id
         FROM users_teacherinvitation ORDER BY id`,
      ),
      tokens: await q(`SELECT key, created, user_id FROM authtoken_token ORDER BY user_id, key`),
      readAt: (await q<{ now: Date }>(`SELECT now() AS now`))[0].now,
    };
    return data;
  } finally {
    await client.query("ROLLBACK").catch(() => {});
  }
}
