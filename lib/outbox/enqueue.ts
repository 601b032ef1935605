import type { Tx } from "../db/transaction";
import { separateSecret } from "./secret-text";

export interface EmailMessage {
  /** What caused it, e.g. "guide_application.submitted" (for the dev mailbox and logs). */
  kind: string;
  to: string;
  subject: string;
  text: string;
  /**
   * A one-time secret that occurs once in `text` (an invitation link's token, and any
   * reset, verification or sign-in link later). The row keeps it apart and only until
   * delivery; staff pages and logs show "[redacted]" in its place.
   */
  secret?: string;
}

/**
 * Queues emails in the caller's transaction: they exist exactly when the business
 * change commits, and sending can never fail or slow the request. lib/outbox/worker.ts
 * delivers them.
 */
export async function enqueueEmail(tx: Tx, ...messages: EmailMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await tx.outbox.createMany({
    data: messages.map((m) => {
      const body = m.secret === undefined ? { text: m.text } : { ...separateSecret(m.text, m.secret), secret: m.secret };
      return { kind: m.kind, to: m.to, subject: m.subject.slice(0, 255), ...body };
    }),
  });
}
