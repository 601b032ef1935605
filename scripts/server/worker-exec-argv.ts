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
 * --heap-growing-percent in NODE_OPTIONS). None caps the heap: a worker that needs more
 * still gets it (--max-old-space-size would cap it, and cost CPU in more full GCs).
 * - a young generation of 4 MiB semi-spaces (V8 lets each grow to 16 MiB): a request's
 *   garbage is small and short-lived;
 * - the old generation grown to 1.5× its live size after a full GC (V8 allows up to 4×
 *   on a server with this much memory): a live set of ~60 MiB then reserves ~90 MiB, not
 *   ~230–290. 1.3× saved ~10 MiB more but cost ~0.2 ms more CPU per cheap request in
 *   interleaved runs (more frequent full GCs, marked on V8's background threads);
 * - WebAssembly compiled once by the baseline compiler only: Prisma's query compiler is
 *   the one module, and the optimising tier's second copy of its code cost memory for
 *   no CPU per request the bench could see.
 */
export const WORKER_V8_DEFAULTS = ["--max-semi-space-size=4", "--heap-growing-percent=50", "--liftoff-only"] as const;

/**
 * The names an option may stand for as V8 reads them (`-` and `_` alike, no value):
 * `--no-liftoff-only` and `--noliftoff-only` also name `liftoff-only`.
 */
function optionNames(arg: string): string[] {
  const m = /^--([a-z][a-z0-9_-]*)/i.exec(arg.trim());
  if (!m) return [];
  const name = m[1].replace(/_/g, "-").toLowerCase();
  return name.startsWith("no") ? [name, name.replace(/^no-?/, "")] : [name];
}

/** A worker's Node options: the supervisor's minus the TypeScript loader, plus WORKER_V8_DEFAULTS. */
export function workerExecArgv(execArgv: string[], nodeOptions = process.env.NODE_OPTIONS ?? ""): string[] {
  const out = withoutTsx(execArgv);
  const named = new Set([...out, ...nodeOptions.split(/\s+/)].flatMap(optionNames));
  for (const flag of WORKER_V8_DEFAULTS) if (!optionNames(flag).some((n) => named.has(n))) out.push(flag);
  return out;
}
