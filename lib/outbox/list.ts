import { legacyActor, type UseCaseContext } from "../use-case/context";
import { requireStaffFlag } from "../actor";
import { DomainError } from "../errors";
import { parseInput } from "../validation/parse";
import { pageOf, type Page } from "../validation/pagination";
import { listOutboxSchema, outboxMessageSchema } from "./list-schema";
import { redactTokenParams } from "./mask";
import { redactedText } from "./secret-text";

// The dev mailbox and delivery state, for staff at /admin/outbox. A message's one-time
// secret (an invitation link's token) is never shown, delivered or not: staff see
// "[redacted]" in its place. Only the recipient's email carries it.

export interface OutboxEntry {
  id: number;
  kind: string;
  to: string;
  subject: string;
  /** One-time secrets replaced by "[redacted]". */
  text: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  deliveredAt: Date | null;
  deliveredVia: string | null;
  createdAt: Date;
}

/** Newest first. */
export async function listOutbox(input: unknown, ctx: UseCaseContext): Promise<Page<OutboxEntry>> {
  requireStaffFlag(legacyActor(ctx));
  const { db } = ctx;
  const { status, page, pageSize } = parseInput(listOutboxSchema, input ?? {});
  const where = status ? { status } : {};
  const [items, total] = await Promise.all([
    db.outbox.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    db.outbox.count({ where }),
  ]);
  return pageOf(items.map(forStaff), total, page, pageSize);
}

export async function getOutboxMessage(input: unknown, ctx: UseCaseContext): Promise<OutboxEntry> {
  requireStaffFlag(legacyActor(ctx));
  const { db } = ctx;
  const { id } = parseInput(outboxMessageSchema, input);
  const message = await db.outbox.findUnique({ where: { id } });
  if (!message) throw new DomainError("not_found", "Not found.", 404);
  return forStaff(message);
}

function forStaff({ secret: _secret, secretAt, ...row }: OutboxRow): OutboxEntry {
  // redactTokenParams: rows written before secrets were kept apart, as a safety net.
  return { ...row, text: redactTokenParams(redactedText({ text: row.text, secretAt })) };
}

type OutboxRow = Omit<OutboxEntry, "text"> & { text: string; secret: string | null; secretAt: number | null };
