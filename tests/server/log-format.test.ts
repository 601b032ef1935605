import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// People read the log in a terminal; machines read JSON lines everywhere else (systemd,
// CI, pipes, the test harness's log files). `script` (util-linux) gives the process a
// real pseudo-terminal as stdout.

const SAMPLE = "node --import tsx tests/support/log-sample.ts";
const env = { ...process.env, LOG_LEVEL: "info", LOG_FORMAT: "" };

describe("the log format", () => {
  it("is one human-readable line in a terminal", () => {
    const result = spawnSync("script", ["-qec", SAMPLE, "/dev/null"], { env, encoding: "utf8" });
    expect(result.status).toBe(0);
    const text = result.stdout.replace(/\x1b\[[0-9;]*m/g, ""); // without the colours
    const lines = text.split(/\r?\n/).filter((l) => l.includes("sample.logged"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO \(\d+\): sample\.logged: a sample line \{"answer":42\}/);
    expect(text).not.toContain('"level"');
  });

  it("stays JSON lines when stdout is a pipe, and in a terminal with LOG_FORMAT=json", () => {
    for (const result of [
      spawnSync("node", ["--import", "tsx", "tests/support/log-sample.ts"], { env, encoding: "utf8" }),
      spawnSync("script", ["-qec", SAMPLE, "/dev/null"], { env: { ...env, LOG_FORMAT: "json" }, encoding: "utf8" }),
    ]) {
      expect(result.status).toBe(0);
      const line = result.stdout.split(/\r?\n/).find((l) => l.includes("sample.logged"))!;
      expect(JSON.parse(line)).toMatchObject({ level: "info", event: "sample.logged", answer: 42, msg: "a sample line", service: "zporta-accounts" });
    }
  });
});
