import type pg from "pg";
import type { Conflicts } from "./conflicts";
import { chunks, digestOf, existingIds, loadDigests, saveDigests, writeInTransactions } from "./digests";
import type { ProfileRow, UserRow } from "./repair-users";
import type { Progress, TableCounts } from "./types";

// Users and their profiles, written together in transactions of `batchSize` users (the
// database refuses a user without a profile at commit, so an interruption leaves every
// committed user with a profile and the next run carries on).

interface Planned {
  user: UserRow;
  profile: ProfileRow;
  kind: "new" | "update";
  userChanged: boolean;
  passwordChanged: boolean;
  profileChanged: boolean;
  /** The names and the live Profile's later columns (their own digest, see below). */
  detailsChanged: boolean;
  digests: { user: string; password: string; profile: string; details: string };
}

// The password is tracked apart from the other fields: a changed email in the old system
// must not put back the old hash over the argon2id one a sign-in here made of it.
const userFields = ({ passwordHash: _p, ...rest }: UserRow) => rest;
// The profile's first fields keep the digest they had before names and the live columns
// were imported (same keys, same order), so upgrading the import does not rewrite every
// profile's bio and display name over what members edited here; the names and the live
// columns get a digest of their own ("profile_details") and are written once.
const profileCore = ({ id: _id, firstName: _f, lastName: _l, details: _d, ...core }: ProfileRow) => core;
const profileDetails = (p: ProfileRow) => ({ firstName: p.firstName, lastName: p.lastName, details: p.details });

async function insertUsers(c: pg.ClientBase, users: UserRow[]): Promise<void> {
  if (users.length === 0) return;
  await c.query(
    `INSERT INTO "User" ("id", "username", "email", "legacyEmail", "passwordHash", "isStaff", "isActive", "dateJoined", "lastLogin")
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::bool[], $8::timestamptz[], $9::timestamptz[])`,
    [
      users.map((u) => u.id),
      users.map((u) => u.username),
      users.map((u) => u.email),
      users.map((u) => u.legacyEmail),
      users.map((u) => u.passwordHash),
      users.map((u) => u.isStaff),
      users.map((u) => u.isActive),
      users.map((u) => u.dateJoined),
      users.map((u) => u.lastLogin),
    ],
  );
}

async function insertProfiles(c: pg.ClientBase, profiles: ProfileRow[]): Promise<void> {
  if (profiles.length === 0) return;
  // A user the old system left without a profile gets the next id of our sequence
  // (moved past the old ids before any write).
  await c.query(
    `INSERT INTO "Profile" ("id", "userId", "role", "bio", "displayName", "activeGuide", "canInviteTeachers", "createdAt", "updatedAt", "firstName", "lastName")
     SELECT COALESCE(v.id, nextval(pg_get_serial_sequence('"Profile"', 'id'))::int), v.uid, v.role::"Role", v.bio, v.dn, v.ag, v.cit, v.ca, v.ua, v.fn, v.ln
     FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::bool[], $8::timestamptz[], $9::timestamptz[], $10::text[], $11::text[])
       AS v(id, uid, role, bio, dn, ag, cit, ca, ua, fn, ln)`,
    profileArrays(profiles),
  );
}

function profileArrays(profiles: ProfileRow[]) {
  return [
    profiles.map((p) => p.id),
    profiles.map((p) => p.userId),
    profiles.map((p) => p.role),
    profiles.map((p) => p.bio),
    profiles.map((p) => p.displayName),
    profiles.map((p) => p.activeGuide),
    profiles.map((p) => p.canInviteTeachers),
    profiles.map((p) => p.createdAt),
    profiles.map((p) => p.updatedAt),
    profiles.map((p) => p.firstName),
    profiles.map((p) => p.lastName),
  ];
}

async function updateUsers(c: pg.ClientBase, users: UserRow[]): Promise<void> {
  if (users.length === 0) return;
  await c.query(
    `UPDATE "User" u SET "username" = v.username, "email" = v.email, "legacyEmail" = v.legacy, "isStaff" = v.staff,
            "isActive" = v.active, "dateJoined" = v.joined, "lastLogin" = GREATEST(u."lastLogin", v.login)
     FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::bool[], $6::bool[], $7::timestamptz[], $8::timestamptz[])
       AS v(id, username, email, legacy, staff, active, joined, login)
     WHERE u."id" = v.id`,
    [
      users.map((u) => u.id),
      users.map((u) => u.username),
      users.map((u) => u.email),
      users.map((u) => u.legacyEmail),
      users.map((u) => u.isStaff),
      users.map((u) => u.isActive),
      users.map((u) => u.dateJoined),
      users.map((u) => u.lastLogin),
    ],
  );
}

async function updatePasswords(c: pg.ClientBase, users: UserRow[]): Promise<void> {
  if (users.length === 0) return;
  await c.query(
    `UPDATE "User" u SET "passwordHash" = v.hash FROM unnest($1::int[], $2::text[]) AS v(id, hash) WHERE u."id" = v.id`,
    [users.map((u) => u.id), users.map((u) => u.passwordHash)],
  );
}

async function updateProfiles(c: pg.ClientBase, profiles: ProfileRow[]): Promise<void> {
  if (profiles.length === 0) return;
  await c.query(
    `UPDATE "Profile" p SET "role" = v.role::"Role", "bio" = v.bio, "displayName" = v.dn, "activeGuide" = v.ag,
            "canInviteTeachers" = v.cit, "updatedAt" = v.ua
     FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::bool[], $8::timestamptz[], $9::timestamptz[], $10::text[], $11::text[])
       AS v(id, uid, role, bio, dn, ag, cit, ca, ua, fn, ln)
     WHERE p."userId" = v.uid`,
    profileArrays(profiles),
  );
}

/** The live Profile's later columns, for profiles just inserted or updated (same transaction). */
async function writeDetails(c: pg.ClientBase, profiles: ProfileRow[]): Promise<void> {
  if (profiles.length === 0) return;
  // jsonb_to_recordset: the tag id lists are arrays per row, which unnest cannot carry.
  await c.query(
    `UPDATE "Profile" p SET
       "firstName" = v."firstName", "lastName" = v."lastName", "locale" = v.locale, "emailNotifications" = v."emailNotifications", "mailMagazineEnabled" = v."mailMagazineEnabled",
       "profileImage" = v."profileImage", "showcaseImage1" = v."showcaseImage1", "showcaseImage2" = v."showcaseImage2",
       "showcaseImage3" = v."showcaseImage3", "showcaseImage1Caption" = v."showcaseImage1Caption",
       "showcaseImage2Caption" = v."showcaseImage2Caption", "showcaseImage3Caption" = v."showcaseImage3Caption",
       "showcaseImage1Tags" = v."showcaseImage1Tags", "showcaseImage2Tags" = v."showcaseImage2Tags", "showcaseImage3Tags" = v."showcaseImage3Tags",
       "teacherTagline" = v."teacherTagline", "teacherAbout" = v."teacherAbout", "teachingSpecialties" = v."teachingSpecialties",
       "introVideoUrl" = v."introVideoUrl", "linkedinUrl" = v."linkedinUrl", "twitterUrl" = v."twitterUrl",
       "websiteUrl" = v."websiteUrl", "youtubeUrl" = v."youtubeUrl", "growthScore" = v."growthScore", "impactScore" = v."impactScore",
       "overallAbilityScore" = v."overallAbilityScore", "abilityRank" = v."abilityRank", "lastAbilityUpdate" = v."lastAbilityUpdate"
     FROM jsonb_to_recordset($1::jsonb) AS v(
       "userId" int, "firstName" text, "lastName" text, locale text, "emailNotifications" bool, "mailMagazineEnabled" bool, "profileImage" text,
       "showcaseImage1" text, "showcaseImage2" text, "showcaseImage3" text, "showcaseImage1Caption" text,
       "showcaseImage2Caption" text, "showcaseImage3Caption" text, "showcaseImage1Tags" int[], "showcaseImage2Tags" int[],
       "showcaseImage3Tags" int[], "teacherTagline" text, "teacherAbout" text, "teachingSpecialties" text, "introVideoUrl" text,
       "linkedinUrl" text, "twitterUrl" text, "websiteUrl" text, "youtubeUrl" text, "growthScore" int, "impactScore" int,
       "overallAbilityScore" float8, "abilityRank" int, "lastAbilityUpdate" timestamptz)
     WHERE p."userId" = v."userId"`,
    [JSON.stringify(profiles.map((p) => ({ userId: p.userId, firstName: p.firstName, lastName: p.lastName, ...p.details })))],
  );
}

async function writeBatch(c: pg.ClientBase, batch: Planned[]): Promise<void> {
  const fresh = batch.filter((p) => p.kind === "new");
  const old = batch.filter((p) => p.kind === "update");
  await updateUsers(c, old.filter((p) => p.userChanged).map((p) => p.user));
  await updatePasswords(c, old.filter((p) => p.passwordChanged).map((p) => p.user));
  await updateProfiles(c, old.filter((p) => p.profileChanged).map((p) => p.profile));
  await insertUsers(c, fresh.map((p) => p.user));
  await insertProfiles(c, fresh.map((p) => p.profile));
  await writeDetails(c, batch.filter((p) => p.kind === "new" || p.detailsChanged).map((p) => p.profile));
  const ids = (pick: (p: Planned) => boolean, d: (p: Planned) => string) => batch.filter(pick).map((p) => [String(p.user.id), d(p)] as [string, string]);
  await saveDigests(c, "user", ids((p) => p.kind === "new" || p.userChanged, (p) => p.digests.user));
  await saveDigests(c, "user_password", ids((p) => p.kind === "new" || p.passwordChanged, (p) => p.digests.password));
  await saveDigests(c, "profile", ids((p) => p.kind === "new" || p.profileChanged, (p) => p.digests.profile));
  await saveDigests(c, "profile_details", ids((p) => p.kind === "new" || p.detailsChanged, (p) => p.digests.details));
}

/** Writes users and profiles; returns the old user ids that are (or, in a dry run, would be) this system's users. */
export async function writeUsers(
  c: pg.ClientBase,
  users: UserRow[],
  profiles: ProfileRow[],
  opts: { dryRun: boolean; batchSize: number; progress?: Progress },
  counts: { users: TableCounts; profiles: TableCounts },
  conflicts: Conflicts,
): Promise<Set<number>> {
  const profileOf = new Map(profiles.map((p) => [p.userId, p]));
  const importedIds = new Set<number>();
  let done = 0;
  for (const slice of chunks(users, opts.batchSize)) {
    const keys = slice.map((u) => String(u.id));
    // One connection: its queries run one after another.
    const userDigests = await loadDigests(c, "user", keys);
    const passwordDigests = await loadDigests(c, "user_password", keys);
    const profileDigests = await loadDigests(c, "profile", keys);
    const detailsDigests = await loadDigests(c, "profile_details", keys);
    const present = await existingIds(c, "User", slice.map((u) => u.id));
    const planned: Planned[] = [];
    for (const user of slice) {
      const profile = profileOf.get(user.id)!;
      const digests = {
        user: digestOf(userFields(user)),
        password: digestOf(user.passwordHash),
        profile: digestOf(profileCore(profile)),
        details: digestOf(profileDetails(profile)),
      };
      const key = String(user.id);
      if (!userDigests.has(key)) {
        if (present.has(user.id)) {
          // A user of this system holds the old id: writing would merge two people.
          conflicts.add("id_taken", [user.id], "not imported: a user who did not come from the old system has this id here");
          counts.users.skipped++;
          counts.profiles.skipped++;
          continue;
        }
        planned.push({ user, profile, kind: "new", userChanged: true, passwordChanged: true, profileChanged: true, detailsChanged: true, digests });
        continue;
      }
      const p: Planned = {
        user,
        profile,
        kind: "update",
        userChanged: userDigests.get(key) !== digests.user,
        passwordChanged: passwordDigests.get(key) !== digests.password,
        profileChanged: profileDigests.get(key) !== digests.profile,
        detailsChanged: detailsDigests.get(key) !== digests.details,
        digests,
      };
      if (p.userChanged || p.passwordChanged || p.profileChanged || p.detailsChanged) planned.push(p);
      else {
        counts.users.unchanged++;
        counts.profiles.unchanged++;
        importedIds.add(user.id);
      }
    }
    const written = opts.dryRun
      ? planned
      : await writeInTransactions(c, planned, (b) => writeBatch(c, b), (p, err) => {
          conflicts.add("refused_by_database", [p.user.id], `not ${p.kind === "new" ? "imported" : "updated"}: the database refused it (${err.constraint ?? err.code})`);
          counts.users.skipped++;
          counts.profiles.skipped++;
          if (p.kind === "update") importedIds.add(p.user.id); // imported earlier, still here
        });
    for (const p of written) {
      importedIds.add(p.user.id);
      if (p.kind === "new") {
        counts.users.imported++;
        counts.profiles.imported++;
      } else {
        if (p.userChanged || p.passwordChanged) counts.users.updated++;
        else counts.users.unchanged++;
        if (p.profileChanged || p.detailsChanged) counts.profiles.updated++;
        else counts.profiles.unchanged++;
      }
    }
    done += slice.length;
    opts.progress?.("users", done, users.length);
  }
  return importedIds;
}
