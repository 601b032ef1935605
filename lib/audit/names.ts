import type { Db } from "../db/client";

/** What an audit row is about, with the member's username where it is a member. */
export interface AuditTarget {
  type: string;
  id: number | null;
  /** The username for a member who still exists; null otherwise. */
  username: string | null;
}

/** Adds `target` to each row: one query for all the members the rows are about. */
export async function withTargetNames<R extends { targetType: string; targetId: number | null }>(db: Db, rows: R[]): Promise<(R & { target: AuditTarget })[]> {
  const ids = [...new Set(rows.filter((r) => r.targetType === "User" && r.targetId !== null).map((r) => r.targetId!))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, username: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.username]));
  return rows.map((r) => ({ ...r, target: { type: r.targetType, id: r.targetId, username: r.targetType === "User" && r.targetId !== null ? (names.get(r.targetId) ?? null) : null } }));
}
