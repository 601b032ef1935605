import type { Db, Prisma } from "./client";
import { isRetryableTransactionError } from "./errors";

/** The handle a domain step gets inside `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;

export interface TransactionOptions {
  /** Whole-transaction attempts on serialization failure or deadlock (40001/40P01). */
  attempts?: number;
}

// Prisma's defaults (2 s to get a connection, 5 s to finish) are too tight for a burst
// of requests queueing on one row lock; a transaction still may not hang forever.
const MAX_WAIT_MS = 10_000;
const TIMEOUT_MS = 20_000;

/**
 * Runs `fn` in one interactive transaction (READ COMMITTED), retrying the whole
 * function when PostgreSQL reports a serialization failure or a deadlock. `fn` must
 * use only `tx` and must be safe to run again (it is: everything it wrote rolled back).
 */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, opts: TransactionOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(fn, { maxWait: MAX_WAIT_MS, timeout: TIMEOUT_MS });
    } catch (err) {
      if (attempt >= attempts || !isRetryableTransactionError(err)) throw err;
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 40));
    }
  }
}
