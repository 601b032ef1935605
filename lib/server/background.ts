import type { Logger } from "../log/logger";

// Background work a server process runs beside its requests (the email outbox loop). The
// work is provided from inside Next's bundle (instrumentation.ts) and started by the HTTP
// worker (scripts/server/worker.ts) once it listens: the worker's own bundle then loads
// no second copy of the Prisma client and the outbox's modules (issue 24, memory per
// worker). Two copies of this module exist in one process (the worker's and Next's),
// so the state lives on globalThis under a registered symbol, like lib/server/lifecycle.ts.

type Start = (log: Logger) => void | Promise<void>;

interface BackgroundState {
  provided: Map<string, Start>;
  /** Set once the server asked for the work to start: work provided later starts at once. */
  log: Logger | undefined;
  started: Set<string>;
}

const KEY = Symbol.for("zporta.server.background");

function state(): BackgroundState {
  const g = globalThis as unknown as Record<symbol, BackgroundState | undefined>;
  return (g[KEY] ??= { provided: new Map(), log: undefined, started: new Set() });
}

function run(s: BackgroundState, name: string, start: Start, log: Logger): void {
  if (s.started.has(name)) return;
  s.started.add(name);
  Promise.resolve()
    .then(() => start(log))
    .catch((err: unknown) => log.error({ event: "background.start_failed", work: name, err }, "background work failed to start"));
}

/** Offers a piece of background work under `name`; it runs only once the server asks (startBackgroundWork). */
export function provideBackgroundWork(name: string, start: Start): void {
  const s = state();
  s.provided.set(name, start);
  if (s.log) run(s, name, start, s.log);
}

/**
 * Starts every piece of background work provided so far, and any provided later (Next may
 * run instrumentation after the server started listening, e.g. in development). Returns
 * the names started now.
 */
export function startBackgroundWork(log: Logger): string[] {
  const s = state();
  s.log = log;
  const now: string[] = [];
  for (const [name, start] of s.provided) {
    if (!s.started.has(name)) now.push(name);
    run(s, name, start, log);
  }
  return now;
}
