import { promises as fs } from "node:fs";
import os from "node:os";
import { HashAdmissionConfigError } from "./hash-admission";

// Password hashes (argon2id, ~15 ms of a core each) run on libuv's thread pool. Under a
// sign-up burst those threads keep every core busy, and the event loop, which answers
// the liveness probe and every cheap request, waits for a core behind them. Linux
// schedules threads, and a thread's nice value is its own: the worker raises the nice
// value of its pool threads (HASH_NICE above the event loop's, default 10), so whenever
// the event loop has work it gets a core first and the hashes take what is left. The
// pool also serves file reads, DNS lookups and zlib; they wait mostly on I/O, and their
// little CPU can come second too.
//
// libuv does not name its threads (Node 20: every thread is "node"), so the pool's
// threads are found by asking them: each fs.promises.readlink("/proc/thread-self") runs
// on one pool thread and names it. Raising a nice value needs no privilege. Off Linux,
// or with HASH_NICE=0, nothing is done.

export const DEFAULT_HASH_NICE = 10;
/** The lowest priority a thread can have. */
const MAX_NICE = 19;

/** HASH_NICE: 0 (off) to 19; throws a sentence when malformed. */
export function hashNiceFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env.HASH_NICE?.trim();
  if (!raw) return DEFAULT_HASH_NICE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > MAX_NICE) {
    throw new HashAdmissionConfigError(`HASH_NICE must be a whole number from 0 to ${MAX_NICE}, not "${raw}".`);
  }
  return n;
}

/** The size of libuv's pool as libuv reads UV_THREADPOOL_SIZE (atoi; 0 → 1; at most 1024; unset → 4). */
export function threadPoolSize(raw: string | undefined): number {
  if (raw === undefined) return 4;
  const n = Number.parseInt(raw, 10);
  return Math.min(1024, Math.max(1, Number.isNaN(n) ? 0 : n));
}

/**
 * The thread ids of libuv's pool: rounds of many simultaneous readlinks of
 * /proc/thread-self, each answered by the pool thread that ran it, until `expected`
 * distinct threads have answered (or `maxRounds`; the pool is all created at first use).
 */
export async function threadPoolThreadIds(expected: number, maxRounds = 200): Promise<number[]> {
  const seen = new Set<number>();
  for (let round = 0; round < maxRounds && seen.size < expected; round++) {
    const links = await Promise.all(Array.from({ length: expected * 8 }, () => fs.readlink("/proc/thread-self")));
    for (const link of links) seen.add(Number(link.slice(link.lastIndexOf("/") + 1)));
  }
  return [...seen];
}

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * Lowers the priority of this process's thread-pool threads by HASH_NICE below the event
 * loop's. Never throws: a failure is a warning and the worker runs as before.
 */
export async function lowerHashThreadPriority(log: Log, env: Record<string, string | undefined> = process.env): Promise<void> {
  let nice: number;
  try {
    nice = hashNiceFromEnv(env);
  } catch (err) {
    // The supervisor checks it before forking; a worker started some other way says so.
    log.warn({ event: "hash.nice_failed", reason: (err as Error).message }, "hash threads keep their priority");
    return;
  }
  if (nice === 0 || process.platform !== "linux") return;
  try {
    const expected = threadPoolSize(env.UV_THREADPOOL_SIZE);
    // Relative to the event loop (the thread whose id is the process id): a worker
    // started under `nice` keeps that, and its hashes go lower still.
    const target = Math.min(MAX_NICE, os.getPriority(process.pid) + nice);
    const tids = await threadPoolThreadIds(expected);
    for (const tid of tids) os.setPriority(tid, target);
    if (tids.length < expected) {
      log.warn({ event: "hash.nice_partial", threads: tids.length, expected, nice: target }, "only some hash threads found");
    } else {
      log.info({ event: "hash.threads_niced", threads: tids.length, nice: target }, "hash threads run below the event loop");
    }
  } catch (err) {
    log.warn({ event: "hash.nice_failed", reason: String((err as Error)?.message ?? err) }, "hash threads keep their priority");
  }
}
