import { performance } from "node:perf_hooks";

// A closed-loop load generator: `concurrency` loops, each sending its next request as
// soon as the previous one answered, for `durationMs`. Plain fetch (undici), keep-alive.

export interface LoadResult {
  concurrency: number;
  elapsedMs: number;
  latenciesMs: number[];
  statuses: Record<string, number>;
}

export async function closedLoop(opts: {
  concurrency: number;
  durationMs: number;
  fire: () => Promise<number>;
  /** Stop early once this returns true. */
  until?: () => boolean;
}): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  const end = started + opts.durationMs;
  const loop = async () => {
    while (performance.now() < end && !opts.until?.()) {
      const t0 = performance.now();
      let status: string;
      try {
        status = String(await opts.fire());
      } catch (err) {
        status = `network error: ${String((err as Error).cause ?? err)}`;
      }
      latenciesMs.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, loop));
  return { concurrency: opts.concurrency, elapsedMs: performance.now() - started, latenciesMs, statuses };
}

/** Sends one request after another until `stop()` is called; returns the latencies. */
export function sampler(fire: () => Promise<number>) {
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const t0 = performance.now();
      let status: string;
      try {
        status = String(await fire());
      } catch (err) {
        status = `network error: ${String((err as Error).cause ?? err)}`;
      }
      latenciesMs.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await done;
      return { latenciesMs, statuses };
    },
  };
}

/** Nearest-rank percentile (p in 0..100) of unsorted values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

export function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}
