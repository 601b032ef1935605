import { describe, expect, it } from "vitest";
import { WORKER_V8_DEFAULTS, workerExecArgv } from "../../scripts/server/primary";

// The V8 options the supervisor gives its workers (docs/performance.md, "Memory"): the
// defaults, and an operator's own choice in NODE_OPTIONS or on the command line winning.

describe("workerExecArgv", () => {
  it("drops the TypeScript loader and adds the memory defaults", () => {
    expect(WORKER_V8_DEFAULTS).toEqual(["--max-semi-space-size=4", "--heap-growing-percent=100"]);
    expect(workerExecArgv(["--import", "tsx", "--cpu-prof"], "")).toEqual(["--cpu-prof", "--max-semi-space-size=4", "--heap-growing-percent=100"]);
  });

  it("leaves out a default that NODE_OPTIONS or the supervisor's options name, in either spelling", () => {
    expect(workerExecArgv([], "--max-semi-space-size=8")).toEqual(["--heap-growing-percent=100"]);
    expect(workerExecArgv([], "--heap_growing_percent=50")).toEqual(["--max-semi-space-size=4"]);
    expect(workerExecArgv(["--heap-growing-percent=300"], "")).toEqual(["--heap-growing-percent=300", "--max-semi-space-size=4"]);
  });
});
