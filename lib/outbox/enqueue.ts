import type { Tx } from "../db/transaction";

export interface EmailMessage {
  /** What caused it, e.g. "guide_application.submitted" (for the dev mailbox and logs). */
  kind: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * Queues emails in the caller's transaction: they exist exactly when the business
 * change commits, and sending can never fail or slow the request. lib/outbox/worker.ts
 * delivers them.
 */
export async function enqueueEmail(tx: Tx, ...messages: EmailMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await tx.outbox.createMany({
    data: messages.map((m) => ({ kind: m.kind, to: m.to, subject: m.subject.slice(0, 255), text: m.text })),
  });
}
