import { normaliseRows, ORDER_BY, planColumns, refuse, REQUIRED_APPS, TABLES } from "./columns";
import type { LegacyData, LegacyLink } from "./types";

// One reader for the old Django database whatever server holds it: a Dialect says how to
// ask PostgreSQL or MySQL/MariaDB; this file says what to ask. Everything is read in one
// read-only snapshot (the old system stays live meanwhile); the schema is recognised
// first, and anything else is refused with one sentence before this system's database
// is touched.

export interface Dialect {
  /** Starts the read-only, repeatable-read snapshot every later query reads from. */
  begin(): Promise<void>;
  end(): Promise<void>;
  hasTable(name: string): Promise<boolean>;
  /** Which of `names` have rows in django_migrations. */
  appsMigrated(names: string[]): Promise<string[]>;
  /** Per table of `tables`, the columns it has in the database's current schema. */
  columnsOf(tables: string[]): Promise<Map<string, Set<string>>>;
  /** Rows of `table`: each column in `columns` that `present` has, the others NULL. */
  select(table: string, columns: string[], present: Set<string>, orderBy: string[]): Promise<Record<string, unknown>[]>;
  /** The old database's clock. */
  now(): Promise<Date>;
  close(): Promise<void>;
}

async function recognise(d: Dialect): Promise<Map<string, Set<string> | null>> {
  if (!(await d.hasTable("django_migrations"))) throw refuse("The old database is not a Django database (it has no django_migrations table).");
  const apps = await d.appsMigrated(REQUIRED_APPS);
  const missingApps = REQUIRED_APPS.filter((a) => !apps.includes(a));
  if (missingApps.length > 0) throw refuse(`The old database is a Django database without the ${missingApps.join(", ")} app's migrations: not the platform this import reads.`);
  return planColumns(await d.columnsOf(Object.keys(TABLES)));
}

/** Every row the import needs, from one snapshot. Refuses a database that is not the old platform's, or is empty. */
export async function readLegacy(d: Dialect): Promise<LegacyData> {
  await d.begin();
  try {
    const plan = await recognise(d);
    const read = async (table: string) => {
      const present = plan.get(table);
      if (!present) return [];
      const spec = TABLES[table];
      const columns = [...Object.keys(spec.required), ...Object.keys(spec.optional)];
      return normaliseRows(table, await d.select(table, columns, present, ORDER_BY[table]));
    };
    const users = await read("auth_user");
    if (users.length === 0) throw refuse("The old database has no users: there is nothing to import.");
    return {
      users: users as unknown as LegacyData["users"],
      profiles: (await read("users_profile")) as unknown as LegacyData["profiles"],
      preferences: (await read("users_userpreference")) as unknown as LegacyData["preferences"],
      applications: (await read("users_guideapplicationrequest")) as unknown as LegacyData["applications"],
      invitations: (await read("users_teacherinvitation")) as unknown as LegacyData["invitations"],
      tokens: (await read("authtoken_token")) as unknown as LegacyData["tokens"],
      links: {
        showcaseTags: [
          (await read("users_profile_showcase_image_1_tags")) as unknown as LegacyLink[],
          (await read("users_profile_showcase_image_2_tags")) as unknown as LegacyLink[],
          (await read("users_profile_showcase_image_3_tags")) as unknown as LegacyLink[],
        ],
        preferenceSubjects: (await read("users_userpreference_interested_subjects")) as unknown as LegacyLink[],
        preferenceTags: (await read("users_userpreference_interested_tags")) as unknown as LegacyLink[],
      },
      readAt: await d.now(),
    };
  } finally {
    await d.end().catch(() => {});
  }
}

const NOT_A_URL = "The --from value is not a database URL (postgres://user:password@host:port/database or mysql://user:password@host:port/database).";

/** Connects to the old database named by `url` (postgres:// or mysql://, mariadb://). */
export async function connectSource(url: string): Promise<Dialect> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse(NOT_A_URL);
  }
  switch (parsed.protocol) {
    case "postgres:":
    case "postgresql:":
      return (await import("./read-postgres")).connectPostgres(url, parsed);
    case "mysql:":
    case "mariadb:":
      return (await import("./read-mysql")).connectMysql(parsed);
    default:
      throw refuse(NOT_A_URL);
  }
}
