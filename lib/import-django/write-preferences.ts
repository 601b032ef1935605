import type pg from "pg";
import type { PreferenceRow } from "./repair-preferences";
import type { KeyedTable } from "./write-keyed";

// jsonb_to_recordset: the id lists and the languages are arrays per row, which unnest cannot carry.
const RECORDS = `jsonb_to_recordset($1::jsonb) AS v(id int, "userId" int, "languagesSpoken" jsonb, "interestedSubjects" int[],
  "interestedTags" int[], location text, bio text, "nativeLanguage" text, "reportLanguage" text, "updatedAt" timestamptz)`;

export const preferencesTable: KeyedTable<PreferenceRow> = {
  entity: "preference",
  table: "UserPreference",
  report: "preferences",
  async insert(c: pg.ClientBase, rows) {
    if (rows.length === 0) return;
    await c.query(
      `INSERT INTO "UserPreference" ("id", "userId", "languagesSpoken", "interestedSubjects", "interestedTags", "location", "bio",
                                     "nativeLanguage", "reportLanguage", "updatedAt")
       SELECT v.id, v."userId", v."languagesSpoken", v."interestedSubjects", v."interestedTags", v.location, v.bio,
              v."nativeLanguage", v."reportLanguage", v."updatedAt"
       FROM ${RECORDS}`,
      [JSON.stringify(rows)],
    );
  },
  async update(c: pg.ClientBase, rows) {
    if (rows.length === 0) return;
    await c.query(
      `UPDATE "UserPreference" p SET "languagesSpoken" = v."languagesSpoken", "interestedSubjects" = v."interestedSubjects",
              "interestedTags" = v."interestedTags", "location" = v.location, "bio" = v.bio, "nativeLanguage" = v."nativeLanguage",
              "reportLanguage" = v."reportLanguage", "updatedAt" = v."updatedAt"
       FROM ${RECORDS}
       WHERE p."id" = v.id`,
      [JSON.stringify(rows)],
    );
  },
};
