import { requireStaffFlag } from "../actor";
import type { Db, Prisma } from "../db/client";
import { legacyActor, type UseCaseContext } from "../use-case/context";
import { parseInput } from "../validation/parse";
import { pageOf, type Page } from "../validation/pagination";
import { DomainError } from "../errors";
import { findUserByLogin } from "../users/find-user";
import { listAuditSchema } from "./list-schema";
import { withTargetNames, type AuditTarget } from "./names";

async function memberId(db: Db, label: string, name: string | undefined): Promise<number | undefined> {
  if (name === undefined) return undefined;
  const user = await findUserByLogin(db, name.trim());
  if (!user) throw new DomainError("no_such_member", `${label}: no member has the username or email “${name.trim()}”.`, 400);
  return user.id;
}

export interface AuditListEntry {
  id: number;
  action: string;
  targetType: string;
  targetId: number | null;
  notes: string | null;
  details: Prisma.JsonValue | null;
  createdAt: Date;
  actor: { id: number; username: string } | null;
  target: AuditTarget;
}

/** Staff: the audit trail, newest first, filterable by action, target and actor (by id, or by username as people do). */
export async function listAuditLog(input: unknown, ctx: UseCaseContext): Promise<Page<AuditListEntry>> {
  requireStaffFlag(legacyActor(ctx));
  const { db } = ctx;
  const q = parseInput(listAuditSchema, input ?? {});
  const who = await memberId(db, "Who", q.who);
  const about = await memberId(db, "About", q.about);
  const where: Prisma.AuditLogWhereInput = {
    ...(q.action ? { action: q.action } : {}),
    ...(q.targetType ? { targetType: q.targetType } : {}),
    ...(q.targetId ? { targetId: q.targetId } : {}),
    ...(q.actorId ? { actorId: q.actorId } : {}),
    ...(about !== undefined ? { AND: [{ targetType: "User" }, { targetId: about }] } : {}),
    ...(who !== undefined ? { actorId: who } : {}),
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
  const items = await withTargetNames(db, rows.map(({ actorId: _actorId, ...row }) => row));
  return pageOf(items, total, q.page, q.pageSize);
}
