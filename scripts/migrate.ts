// `npm run db:migrate`: applies pending SQL migrations to DATABASE_URL (through
// DIRECT_DATABASE_URL when that is set, e.g. when DATABASE_URL is PgBouncer).
import { migrate, migrationUrl } from "../lib/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. (`npm start` migrates its embedded database by itself.)");
  process.exit(2);
}
try {
  const result = await migrate(migrationUrl(url), { log: (m) => console.log(m) });
  console.log(
    `migrations: ${result.applied.length} applied, ${result.alreadyApplied} already applied` +
      (result.unknown.length ? `; applied in the database but not in this release: ${result.unknown.join(", ")}` : ""),
  );
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
