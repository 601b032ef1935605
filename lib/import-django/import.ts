import pg from "pg";
import { DomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { Conflicts } from "./conflicts";
import { connectSource, readLegacy } from "./source";
import { repairApplications } from "./repair-applications";
import { repairInvitations } from "./repair-invitations";
import { repairPreferences } from "./repair-preferences";
import { linksByOwner } from "./repair-profile-details";
import { repairProfiles, repairUsers } from "./repair-users";
import { emptyCounts, type ImportReport, type LegacyData, type Progress } from "./types";
import { applicationsTable } from "./write-applications";
import { invitationsTable } from "./write-invitations";
import { writeKeyed } from "./write-keyed";
import { preferencesTable } from "./write-preferences";
import { writeTokens } from "./write-tokens";
import { writeUsers } from "./write-users";

export interface ImportOptions {
  /** The old Django database (read only). */
  from: string;
  /** This system's database, migrated. */
  targetUrl: string;
  dryRun?: boolean;
  /** Users (with their profiles) per transaction; rows per transaction for the other tables. */
  batchSize?: number;
  progress?: Progress;
  log?: Logger;
}

const LOCK_KEY = 72_707_370; // one import at a time per database (the migrator uses 72_707_369)

/** Moves each sequence past the old ids, so rows made here never take an id the old system used. */
async function moveSequences(c: pg.ClientBase, data: LegacyData): Promise<void> {
  const max = (ids: number[]) => ids.reduce((m, id) => Math.max(m, id), 0);
  const targets: [string, number][] = [
    ["User", max(data.users.map((u) => u.id))],
    ["Profile", max(data.profiles.map((p) => p.id))],
    ["GuideApplication", max(data.applications.map((a) => a.id))],
    ["TeacherInvitation", max(data.invitations.map((i) => i.id))],
    ["UserPreference", max(data.preferences.map((p) => p.id))],
  ];
  for (const [table, legacyMax] of targets) {
    await c.query(
      `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'),
                     GREATEST((SELECT COALESCE(max("id"), 0) FROM "${table}"), $1::int, 1))`,
      [legacyMax],
    );
  }
}

async function connectTarget(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  c.on("error", () => {});
  await c.connect();
  const { rows } = await c.query<{ t: string | null }>(`SELECT to_regclass('"DjangoImportRow"')::text AS t`);
  if (!rows[0].t) {
    await c.end();
    throw new DomainError("import_target_not_migrated", "This system's database is not migrated: run `npm run db:migrate` (or start the app once) first.");
  }
  return c;
}

/**
 * Imports (or, with dryRun, only reports) the old Django platform's users, profiles,
 * guide applications, invitations and API tokens, repairing the old defects and reporting
 * each repair. Safe to run again: writes only what changed in the old system since.
 * Bad input (not the old platform's database, unreachable, empty) is refused before
 * anything is written.
 */
export async function importDjango(opts: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const log = opts.log ?? logger;
  const dryRun = opts.dryRun ?? false;
  const batch = { dryRun, batchSize: opts.batchSize ?? 1000, progress: opts.progress };

  const source = await connectSource(opts.from);
  let data: LegacyData;
  try {
    data = await readLegacy(source);
  } finally {
    await source.close().catch(() => {});
  }
  log.info({ event: "import_django.read", users: data.users.length, dryRun }, "old database read");

  const target = await connectTarget(opts.targetUrl);
  try {
    const [{ locked }] = (await target.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock($1) AS locked`, [LOCK_KEY])).rows;
    if (!locked) throw new DomainError("import_running", "Another import into this database is running: try again when it has finished.");

    const conflicts = new Conflicts();
    const report: ImportReport = {
      dryRun,
      users: emptyCounts(),
      profiles: emptyCounts(),
      guide_applications: emptyCounts(),
      invitations: emptyCounts(),
      tokens: emptyCounts(),
      preferences: emptyCounts(),
      conflicts: conflicts.list,
      seconds: 0,
    };
    if (!dryRun) await moveSequences(target, data);

    const users = repairUsers(data.users, conflicts);
    const showcaseTags = data.links.showcaseTags.map((l) => linksByOwner(l, "profile_id", "tag_id")) as Parameters<typeof repairProfiles>[4];
    const profiles = repairProfiles(users, data.users, data.profiles, conflicts, showcaseTags);
    const userIds = await writeUsers(target, users, profiles, batch, report, conflicts);

    const applications = repairApplications(data.applications, userIds, conflicts);
    await writeKeyed(target, applicationsTable, applications, batch, report.guide_applications, conflicts);
    const invitations = repairInvitations(data.invitations, userIds, data.readAt, conflicts);
    await writeKeyed(target, invitationsTable, invitations, batch, report.invitations, conflicts);
    await writeTokens(target, data.tokens, userIds, batch, report.tokens, conflicts);
    const preferences = repairPreferences(data.preferences, userIds, data.links, data.readAt, conflicts);
    await writeKeyed(target, preferencesTable, preferences, batch, report.preferences, conflicts);

    if (!dryRun) await moveSequences(target, data);
    report.seconds = (performance.now() - started) / 1000;
    log.info(
      { event: "import_django.finished", dryRun, users: report.users, conflicts: report.conflicts.length, seconds: report.seconds },
      "Django import finished",
    );
    return report;
  } finally {
    await target.query(`SELECT pg_advisory_unlock($1)`, [LOCK_KEY]).catch(() => {});
    await target.end().catch(() => {});
  }
}
