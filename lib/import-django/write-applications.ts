import type pg from "pg";
import type { ApplicationRow } from "./repair-applications";
import type { KeyedTable } from "./write-keyed";

function arrays(rows: ApplicationRow[]) {
  return [
    rows.map((r) => r.id),
    rows.map((r) => r.userId),
    rows.map((r) => r.motivation),
    rows.map((r) => r.experience),
    rows.map((r) => r.subjectsToTeach),
    rows.map((r) => r.referredById),
    rows.map((r) => r.status),
    rows.map((r) => r.reviewedById),
    rows.map((r) => r.reviewedAt),
    rows.map((r) => r.adminNotes),
    rows.map((r) => r.createdAt),
    rows.map((r) => r.updatedAt),
  ];
}

const UNNEST = `unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::int[], $9::timestamptz[], $10::text[], $11::timestamptz[], $12::timestamptz[])
  AS v(id, uid, motivation, experience, subjects, referrer, status, reviewer, reviewed, notes, created, updated)`;

export const applicationsTable: KeyedTable<ApplicationRow> = {
  entity: "application",
  table: "GuideApplication",
  report: "guide_applications",
  async insert(c: pg.ClientBase, rows) {
    if (rows.length === 0) return;
    await c.query(
      `INSERT INTO "GuideApplication" ("id", "userId", "motivation", "experience", "subjectsToTeach", "referredById", "status",
                                       "reviewedById", "reviewedAt", "adminNotes", "createdAt", "updatedAt")
       SELECT v.id, v.uid, v.motivation, v.experience, v.subjects, v.referrer, v.status::"GuideApplicationStatus",
              v.reviewer, v.reviewed, v.notes, v.created, v.updated
       FROM ${UNNEST}`,
      arrays(rows),
    );
  },
  async update(c: pg.ClientBase, rows) {
    if (rows.length === 0) return;
    await c.query(
      `UPDATE "GuideApplication" a SET "motivation" = v.motivation, "experience" = v.experience, "subjectsToTeach" = v.subjects,
              "referredById" = v.referrer, "status" = v.status::"GuideApplicationStatus", "reviewedById" = v.reviewer,
              "reviewedAt" = v.reviewed, "adminNotes" = v.notes, "updatedAt" = v.updated
       FROM ${UNNEST}
       WHERE a."id" = v.id`,
      arrays(rows),
    );
  },
};
