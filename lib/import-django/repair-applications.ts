import { cleanOptional, cleanText, type Conflicts } from "./conflicts";
import type { LegacyApplication } from "./types";

export interface ApplicationRow {
  id: number;
  userId: number;
  motivation: string;
  experience: string | null;
  subjectsToTeach: string;
  referredById: number | null;
  status: "pending" | "approved" | "rejected";
  reviewedById: number | null;
  reviewedAt: Date | null;
  adminNotes: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const TEXT_MAX = 100_000;
export const CLOSED_BY_IMPORT = "Closed by the import from the old system: a newer application of the same person is open.";

/** Newest first: creation time, then id. */
const newestFirst = (a: ApplicationRow, b: ApplicationRow) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;

/**
 * Guide applications as our schema takes them. An application of a user who was not
 * imported is skipped (reported); `userIds` is the set of imported users.
 */
export function repairApplications(legacy: LegacyApplication[], userIds: Set<number>, conflicts: Conflicts): ApplicationRow[] {
  const rows: ApplicationRow[] = [];
  for (const a of legacy) {
    if (!userIds.has(a.user_id)) {
      conflicts.add("application_without_user", [a.id], "not imported: its user is not in the import");
      continue;
    }
    let status = a.status as ApplicationRow["status"];
    if (!["pending", "approved", "rejected"].includes(a.status)) {
      status = "rejected";
      conflicts.add("unknown_application_status", [a.id], `status ${JSON.stringify(a.status.slice(0, 20))} imported as rejected`);
    }
    let motivation = cleanText(a.motivation, TEXT_MAX, "motivation", [a.id], conflicts);
    if (motivation.trim() === "") {
      motivation = "(none given in the old system)";
      conflicts.add("blank_application_field", [a.id], "blank motivation imported as a placeholder");
    }
    let subjects = cleanText(a.subjects_to_teach, 255, "subjects to teach", [a.id], conflicts);
    if (subjects.trim() === "") {
      subjects = "(none given)";
      conflicts.add("blank_application_field", [a.id], "blank subjects imported as a placeholder");
    }
    const known = (id: number | null) => (id !== null && userIds.has(id) ? id : null);
    const row: ApplicationRow = {
      id: a.id,
      userId: a.user_id,
      motivation,
      experience: cleanOptional(a.experience, TEXT_MAX, "experience", [a.id], conflicts),
      subjectsToTeach: subjects,
      referredById: known(a.referred_by_id),
      status,
      reviewedById: known(a.reviewed_by_id),
      reviewedAt: a.reviewed_at,
      adminNotes: cleanOptional(a.admin_notes, TEXT_MAX, "admin notes", [a.id], conflicts),
      createdAt: a.created_at,
      updatedAt: a.updated_at,
    };
    if (row.status === "pending" && (row.reviewedAt !== null || row.reviewedById !== null)) {
      row.reviewedAt = null;
      row.reviewedById = null;
      conflicts.add("pending_with_review", [a.id], "still pending: its stray reviewer and review time were dropped");
    }
    if (row.status !== "pending" && row.reviewedById === null && a.reviewed_by_id === null && row.status === "approved") {
      conflicts.add("approved_without_reviewer", [a.id], "kept approved, reviewer empty");
    }
    if (row.status !== "pending" && row.reviewedAt === null) {
      // Our schema records when every decision was made; the row's last change is the best the old data says.
      row.reviewedAt = row.updatedAt;
    }
    rows.push(row);
  }

  // Our schema allows one open (pending or approved) application per person.
  const open = new Map<number, ApplicationRow[]>();
  for (const r of rows) {
    if (r.status === "rejected") continue;
    const list = open.get(r.userId) ?? [];
    list.push(r);
    open.set(r.userId, list);
  }
  for (const [userId, list] of open) {
    if (list.length < 2) continue;
    // An approval stands (the person is a guide); otherwise the newest application stays open.
    const approved = list.filter((r) => r.status === "approved").sort(newestFirst);
    const keeper = approved[0] ?? [...list].sort(newestFirst)[0];
    const closed = list.filter((r) => r !== keeper);
    for (const r of closed) {
      r.status = "rejected";
      r.reviewedById = null;
      r.reviewedAt = r.updatedAt;
      r.adminNotes = r.adminNotes ? `${r.adminNotes}\n${CLOSED_BY_IMPORT}` : CLOSED_BY_IMPORT;
    }
    conflicts.add(
      "two_open_applications",
      [keeper.id, ...closed.map((r) => r.id)],
      `user ${userId}: application ${keeper.id} stays ${keeper.status}; ${closed.map((r) => r.id).join(", ")} rejected with a note`,
    );
  }
  return rows;
}
