import type { Prisma } from "../db/client";
import type { Tx } from "../db/transaction";

export interface AuditEntry {
  /** Null for the system (e.g. an invitation expiring on sight). */
  actorId: number | null;
  /** "<area>.<verb>", e.g. "guide_application.approved" (CHECK in the migration). */
  action: string;
  targetType: string;
  targetId: number | null;
  notes?: string | null;
  details?: Prisma.InputJsonValue;
}

/** Appends one audit row; call it with the `tx` of the change it records. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      notes: entry.notes ?? null,
      details: entry.details,
    },
  });
}
