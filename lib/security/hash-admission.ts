// Admission control for password hashing and verification, the expensive part of a
// sign-up, a sign-in or a password change (argon2id, ~15 ms of one core each, on
// libuv's thread pool). Each process runs at most HASH_CONCURRENCY of them at once and
// keeps at most HASH_QUEUE waiting; past that the request is refused at once with
// HashBusyError, which the API answers 503 + Retry-After and pages show as the outage
// sentence. Without a bound, a burst queues on the thread pool without limit: every
// request waits for all the hashes before it, and anything else using the pool (zlib,
// file reads, DNS lookups) waits too. Requests that need no hash never enter this queue.
//
// The scripts/server supervisor gives each worker a thread pool larger than
// HASH_CONCURRENCY (UV_THREADPOOL_SIZE, see hashThreadPoolSize) so the pool always has
// threads free for the rest. State lives on globalThis: Next's bundle and the server's
// own code may each load a copy of this module in one process.

export const DEFAULT_HASH_CONCURRENCY = 2;
// The bench's storm (200 simultaneous sign-ups on 2 workers) puts ~100 per worker in line
// at once now that the event loop outranks the hashes (hash-thread-priority.ts) and admits
// a burst faster than they drain; 128 holds it, a wait of at most 128 × 15 ms ÷ 2 ≈ 1 s.
export const DEFAULT_HASH_QUEUE = 128;
/** Threads of libuv's pool kept free of hashing for zlib, file reads and DNS lookups. */
export const SPARE_POOL_THREADS = 4;
/** A refused hash is worth retrying about a second later: the queue drains that fast. */
export const HASH_BUSY_RETRY_AFTER_SECONDS = 1;

export class HashBusyError extends Error {
  readonly retryAfterSeconds = HASH_BUSY_RETRY_AFTER_SECONDS;
  constructor() {
    super("Too many password checks in progress in this process.");
    this.name = "HashBusyError";
  }
}

export function isHashBusy(err: unknown): err is HashBusyError {
  return err instanceof Error && err.name === "HashBusyError";
}

export class HashAdmissionConfigError extends Error {}

export interface HashAdmissionConfig {
  concurrency: number;
  queue: number;
}

function intFrom(env: Record<string, string | undefined>, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    throw new HashAdmissionConfigError(`${name} must be ${min === 0 ? "a whole number (0 or more)" : "a positive integer"}, not "${raw}".`);
  }
  return n;
}

/** HASH_CONCURRENCY (≥ 1) and HASH_QUEUE (≥ 0) per process; throws a sentence when malformed. */
export function hashAdmissionConfig(env: Record<string, string | undefined> = process.env): HashAdmissionConfig {
  return {
    concurrency: intFrom(env, "HASH_CONCURRENCY", DEFAULT_HASH_CONCURRENCY, 1),
    queue: intFrom(env, "HASH_QUEUE", DEFAULT_HASH_QUEUE, 0),
  };
}

/** The thread pool size a worker gets: its hashing slots plus spare threads for the rest. */
export function hashThreadPoolSize(config: HashAdmissionConfig): number {
  return config.concurrency + SPARE_POOL_THREADS;
}

interface AdmissionState {
  config: HashAdmissionConfig;
  running: number;
  waiting: (() => void)[];
}

const KEY = Symbol.for("zporta.security.hash-admission");

function state(): AdmissionState {
  const g = globalThis as unknown as Record<symbol, AdmissionState | undefined>;
  return (g[KEY] ??= { config: hashAdmissionConfig(), running: 0, waiting: [] });
}

/** Runs `work` (one hash or verification) within the process's limit, or throws HashBusyError. */
export async function withHashAdmission<T>(work: () => Promise<T>): Promise<T> {
  const s = state();
  if (s.running >= s.config.concurrency) {
    if (s.waiting.length >= s.config.queue) throw new HashBusyError();
    await new Promise<void>((resolve) => s.waiting.push(resolve));
  } else {
    s.running++;
  }
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line (running stays the same), or frees up.
    const next = s.waiting.shift();
    if (next) next();
    else s.running--;
  }
}

/** For the bench and tests: what runs and waits now. */
export function hashAdmissionStats(): { running: number; waiting: number } {
  const s = state();
  return { running: s.running, waiting: s.waiting.length };
}
