import { getDb, type Db } from "../db/client";
import { directQuery } from "../db/direct-query";
import { Prisma } from "../db/generated/client";
import { isDatabaseUnavailable } from "../db/errors";
import { logger, maskEmail, type Logger } from "../log/logger";
import { maskSecrets } from "./mask";
import { fullText } from "./secret-text";
import { transportFromEnv, type MailTransport, type OutgoingEmail } from "./transport";

// Delivers the Outbox. Any number of worker processes may run this loop against one
// database: a claim is one statement that locks due rows with FOR UPDATE SKIP LOCKED
// and pushes their nextAttemptAt past a lease, so no two workers take the same row
// (a second worker either skips the locked row or, once the claim commits, no longer
// sees it as due). A worker that dies mid-send leaves the row to be retried when the
// lease ends: delivery is at least once, never concurrently twice.

export interface DeliveryOptions {
  transport: MailTransport;
  log?: Logger;
  batchSize?: number;
  /** How long a claimed row is reserved for the worker that claimed it. */
  leaseSeconds?: number;
  /** After this many failed attempts the row is marked `failed` (no more retries). */
  maxAttempts?: number;
  /** How long sent emails may wait for their shared "delivered" mark (default a second). */
  markWithinMs?: number;
}

export interface DeliveryReport {
  claimed: number;
  delivered: number;
  retrying: number;
  failed: number;
}

interface ClaimedRow {
  id: number;
  kind: string;
  to: string;
  subject: string;
  /** Without the secret; fullText() puts it back. */
  text: string;
  secret: string | null;
  secretAt: number | null;
  attempts: number;
}

export const DEFAULT_MAX_ATTEMPTS = 8;
const DEFAULT_LEASE_SECONDS = 300;
const DEFAULT_BATCH = 20;
/** Sent emails wait at most this long (plus one send) for their "delivered" mark, which drops their secret. */
const MARK_WITHIN_MS = 1000;

/** Seconds to wait after the n-th failed attempt: 30 s, 1 min, 2 min, … capped at 1 h, with ±20 % jitter. */
export function backoffSeconds(attempt: number): number {
  const base = Math.min(30 * 2 ** (attempt - 1), 3600);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** One pass: claims up to a batch of due messages and tries each once. */
export async function deliverDueEmails(db: Db, opts: DeliveryOptions): Promise<DeliveryReport> {
  const log = opts.log ?? logger;
  const batch = opts.batchSize ?? DEFAULT_BATCH;
  const lease = opts.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const markWithinMs = opts.markWithinMs ?? MARK_WITHIN_MS;

  // The claim and the "delivered" mark: straight to the pool, prepared
  // (lib/db/direct-query.ts), like the sign-up that queued the email.
  const claimed = await directQuery<ClaimedRow>(db, Prisma.sql`
    UPDATE "Outbox" o
    SET "attempts" = o."attempts" + 1,
        "nextAttemptAt" = now() + make_interval(secs => ${lease}::int)
    WHERE o."id" IN (
      SELECT "id" FROM "Outbox"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= now()
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${batch}::int
      FOR UPDATE SKIP LOCKED
    )
    RETURNING o."id", o."kind", o."to", o."subject", o."text", o."secret", o."secretAt", o."attempts"`);

  const report: DeliveryReport = { claimed: claimed.length, delivered: 0, retrying: 0, failed: 0 };
  // Sent emails are marked delivered together, one statement for several: when the pass
  // ends, or before the next send once a second has passed since the first unmarked one.
  // Under a burst of sign-ups that is one write where there were up to twenty (issue 24).
  // Until its mark a row keeps its secret and its lease; a process that dies in between
  // sends it again when the lease ends, as it always could (delivery is at least once).
  const sent: { id: number; fields: Record<string, unknown> }[] = [];
  let firstSentAt = 0;
  const markDelivered = async () => {
    if (sent.length === 0) return;
    const done = sent.splice(0);
    // Delivered: from now on the email is the secret's only copy.
    await directQuery(db, Prisma.sql`
      UPDATE "Outbox" SET "status" = 'delivered', "deliveredAt" = now(), "deliveredVia" = ${opts.transport.via}, "lastError" = NULL, "secret" = NULL
      WHERE "id" = ANY(${done.map((m) => m.id)}::int[]) AND "status" = 'pending'`);
    report.delivered += done.length;
    for (const { fields } of done) log.info({ event: "outbox.delivered", ...fields, via: opts.transport.via }, "email delivered");
  };
  try {
    for (const message of claimed) {
      if (sent.length > 0 && Date.now() - firstSentAt >= markWithinMs) await markDelivered();
      const fields = { outboxId: message.id, kind: message.kind, toMasked: maskEmail(message.to), attempt: message.attempts };
      const outgoing: OutgoingEmail = { id: message.id, kind: message.kind, to: message.to, subject: message.subject, text: fullText(message) };
      try {
        await opts.transport.send(outgoing);
      } catch (err) {
        const error = maskSecrets(String((err as Error)?.message ?? err), message.secret).slice(0, 1000);
        if (message.attempts >= maxAttempts) {
          // Given up: the secret goes too (the email is never sent; nobody else may hold it).
          await db.$executeRaw`
            UPDATE "Outbox" SET "status" = 'failed', "lastError" = ${error}, "secret" = NULL
            WHERE "id" = ${message.id} AND "status" = 'pending'`;
          report.failed++;
          log.error({ event: "outbox.failed", ...fields, error }, "email delivery gave up");
        } else {
          const delay = backoffSeconds(message.attempts);
          await db.$executeRaw`
            UPDATE "Outbox" SET "lastError" = ${error}, "nextAttemptAt" = now() + make_interval(secs => ${delay}::int)
            WHERE "id" = ${message.id} AND "status" = 'pending'`;
          report.retrying++;
          log.warn({ event: "outbox.retry", ...fields, error, retryInSeconds: delay }, "email delivery failed; will retry");
        }
        continue;
      }
      if (sent.push({ id: message.id, fields }) === 1) firstSentAt = Date.now();
    }
  } finally {
    await markDelivered();
  }
  return report;
}

export interface OutboxWorkerOptions {
  db?: Db;
  transport?: MailTransport;
  log?: Logger;
  /** Pause between passes when nothing was due (OUTBOX_POLL_MS, default 2000). */
  intervalMs?: number;
}

interface RunningWorker {
  timer: NodeJS.Timeout | undefined;
  stopped: boolean;
  inFlight: Promise<void> | undefined;
  transport: MailTransport;
}

// On globalThis so a Next.js dev reload does not start a second loop in one process.
const state = globalThis as unknown as { __outboxWorker?: RunningWorker };

/** Starts the background delivery loop in this process (idempotent). */
export function startOutboxWorker(opts: OutboxWorkerOptions = {}): void {
  if (state.__outboxWorker && !state.__outboxWorker.stopped) return;
  const log = (opts.log ?? logger).child({ component: "outbox" });
  const db = opts.db ?? getDb();
  const transport = opts.transport ?? transportFromEnv(log);
  const interval = opts.intervalMs ?? Number(process.env.OUTBOX_POLL_MS ?? 2000);
  const worker: RunningWorker = { timer: undefined, stopped: false, inFlight: undefined, transport };
  state.__outboxWorker = worker;
  let failures = 0;

  const tick = () => {
    worker.inFlight = (async () => {
      let next = interval;
      try {
        const report = await deliverDueEmails(db, { transport, log });
        failures = 0;
        // A full batch means more may be due: go again at once.
        if (report.claimed >= DEFAULT_BATCH) next = 0;
      } catch (err) {
        // The database may be restarting: keep the loop alive, back off.
        failures++;
        next = Math.min(interval * 2 ** failures, 60_000);
        if (isDatabaseUnavailable(err)) log.warn({ event: "outbox.db_unavailable", retryInMs: next }, "outbox waits for the database");
        else log.error({ event: "outbox.worker_error", err }, "outbox pass failed");
      }
      worker.inFlight = undefined;
      if (!worker.stopped) {
        worker.timer = setTimeout(tick, next);
        worker.timer.unref();
      }
    })();
  };
  log.info({ event: "outbox.worker_started", via: transport.via, intervalMs: interval }, "outbox worker started");
  worker.timer = setTimeout(tick, 0);
  worker.timer.unref();
}

/** Stops the loop, waits for a pass in progress to finish, closes the SMTP pool. */
export async function stopOutboxWorker(): Promise<void> {
  const worker = state.__outboxWorker;
  if (!worker || worker.stopped) return;
  worker.stopped = true;
  clearTimeout(worker.timer);
  await worker.inFlight;
  worker.transport.close();
  state.__outboxWorker = undefined;
}
