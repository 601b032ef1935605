import { describe, expect, it } from "vitest";
import { WORKER_V8_DEFAULTS, workerExecArgv } from "../../scripts/server/primary";

// The V8 options the supervisor gives its workers (docs/performance.md, "Memory"): the
// defaults, and an operator's own choice in NODE_OPTIONS or on the command line winning.

const DEFAULTS = ["--max-semi-space-size=4", "--heap-growing-percent=50", "--liftoff-only"];

describe("workerExecArgv", () => {
  it("drops the TypeScript loader and adds the memory defaults", () => {
    expect(WORKER_V8_DEFAULTS).toEqual(DEFAULTS);
    expect(workerExecArgv(["--import", "tsx", "--cpu-prof"], "")).toEqual(["--cpu-prof", ...DEFAULTS]);
    expect(workerExecArgv(["--import=tsx"], "  ")).toEqual(DEFAULTS);
  });

  it("leaves out a default that NODE_OPTIONS names, in either spelling", () => {
    expect(workerExecArgv([], "--max-semi-space-size=8")).toEqual(["--heap-growing-percent=50", "--liftoff-only"]);
    expect(workerExecArgv([], "--enable-source-maps --max_semi_space_size=8")).toEqual(["--heap-growing-percent=50", "--liftoff-only"]);
  });

  it("leaves out a default that the supervisor's own options name", () => {
    expect(workerExecArgv(["--heap-growing-percent=500"], "")).toEqual(["--heap-growing-percent=500", "--max-semi-space-size=4", "--liftoff-only"]);
    expect(workerExecArgv(["--heap_growing_percent=70"], "")).toEqual(["--heap_growing_percent=70", "--max-semi-space-size=4", "--liftoff-only"]);
  });

  it("takes a default switched off (--no-…, --no…) as named", () => {
    expect(workerExecArgv(["--no-liftoff-only"], "")).toEqual(["--no-liftoff-only", "--max-semi-space-size=4", "--heap-growing-percent=50"]);
    expect(workerExecArgv([], "--noliftoff_only")).toEqual(["--max-semi-space-size=4", "--heap-growing-percent=50"]);
    // An option that merely starts with "no" is not a default's name.
    expect(workerExecArgv(["--node-memory-debug"], "")).toEqual(["--node-memory-debug", ...DEFAULTS]);
  });
});
