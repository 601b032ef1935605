import { requireStaffFlag, type Actor } from "../actor";
import type { Db, Prisma } from "../db/client";
import { parseInput } from "../validation/parse";
import { pageOf, type Page } from "../validation/pagination";
import { listAuditSchema } from "./list-schema";

export interface AuditListEntry {
  id: number;
  action: string;
  targetType: string;
  targetId: number | null;
  notes: string | null;
  details: Prisma.JsonValue | null;
  createdAt: Date;
  actor: { id: number; username: string } | null;
}

/** Staff: the audit trail, newest first, filterable by action, target and actor. */
export async function listAuditLog(input: unknown, actor: Actor, db: Db): Promise<Page<AuditListEntry>> {
  requireStaffFlag(actor);
  const q = parseInput(listAuditSchema, input ?? {});
  const where: Prisma.AuditLogWhereInput = {
    ...(q.action ? { action: q.action } : {}),
    ...(q.targetType ? { targetType: q.targetType } : {}),
    ...(q.targetId ? { targetId: q.targetId } : {}),
    ...(q.actorId ? { actorId: q.actorId } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      include: { actor: { select: { id: true, username: true } } },
    }),
    db.auditLog.count({ where }),
  ]);
  const items = rows.map(({ actorId: _actorId, ...row }) => row);
  return pageOf(items, total, q.page, q.pageSize);
}
