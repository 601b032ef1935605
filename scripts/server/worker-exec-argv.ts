/** Node's options minus a TypeScript loader (`--import tsx`, `--import=tsx`, `--require tsx/cjs`…). */
export function withoutTsx(execArgv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    if ((arg === "--import" || arg === "--require" || arg === "-r" || arg === "--loader") && /^tsx(\/|$)/.test(execArgv[i + 1] ?? "")) {
      i++;
      continue;
    }
    if (/^--(import|require|loader)=tsx(\/|$)/.test(arg)) continue;
    out.push(arg);
  }
  return out;
}

/**
 * V8 options the supervisor gives each worker, each unless the supervisor's own options
 * or NODE_OPTIONS name it (docs/performance.md, "Memory"; Node refuses
 * --heap-growing-percent in NODE_OPTIONS):
 * - a young generation of 4 MiB semi-spaces (V8 lets each grow to 16 MiB): a request's
 *   garbage is small and short-lived; ~40 MiB less RSS per worker after the bench;
 * - the old generation grown by at most 2× its live size after a full GC (V8 allows up
 *   to 4× when its heap limit is large, as on any server): ~60 MiB live, so ~140 MiB
 *   instead of ~230–290 MiB reserved after the bench, ~110 MiB less RSS, at no CPU per
 *   request the bench could tell from its noise (bench/README.md). No cap: a worker that needs more still gets it
 *   (--max-old-space-size would cap it, and cost CPU: 1.3× growth, more full GCs).
 */
export const WORKER_V8_DEFAULTS = ["--max-semi-space-size=4", "--heap-growing-percent=100"] as const;

/** A worker's Node options: the supervisor's minus the TypeScript loader, plus WORKER_V8_DEFAULTS. */
export function workerExecArgv(execArgv: string[], nodeOptions = process.env.NODE_OPTIONS ?? ""): string[] {
  const out = withoutTsx(execArgv);
  for (const flag of WORKER_V8_DEFAULTS) {
    const name = flag.slice(0, flag.indexOf("="));
    // V8 reads --heap-growing-percent and --heap_growing_percent alike.
    const spelled = [name, name.replace(/(?<=^--.*)-/g, "_")];
    if (![...out, nodeOptions].some((a) => spelled.some((n) => a.includes(n)))) out.push(flag);
  }
  return out;
}
