import { describe, expect, it } from "vitest";
import { logger } from "../../lib/log/logger";
import { provideBackgroundWork, startBackgroundWork } from "../../lib/server/background";

// The outbox loop is offered from inside Next's bundle (instrumentation.ts) and started by
// the HTTP worker once it listens (lib/server/background.ts): whichever comes first, the
// work runs exactly once, and only once the server asked for it.

describe("background work offered by the app, started by the server", () => {
  it("runs nothing before the server asks, then each piece once, whichever comes first", async () => {
    const runs: string[] = [];
    provideBackgroundWork("early", () => void runs.push("early"));
    expect(runs).toEqual([]);
    expect(startBackgroundWork(logger)).toEqual(["early"]);
    // Offered after the server asked (Next may run instrumentation late in development): runs at once.
    provideBackgroundWork("late", () => void runs.push("late"));
    // Asked again (a second call, a reload): nothing runs twice.
    expect(startBackgroundWork(logger)).toEqual([]);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(runs.sort()).toEqual(["early", "late"]);
  });
});
