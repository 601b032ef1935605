import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readOrCreateSecretFile } from "../lib/auth/secret";

const exec = promisify(execFile);

describe("the session secret without NEXTAUTH_SECRET", () => {
  it("is generated once, kept private, and read back", () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "secret-")), "nested", "auth-secret");
    const first = readOrCreateSecretFile(file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readOrCreateSecretFile(file)).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
  });

  it("8 processes starting at once on a fresh install agree on one secret", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "secret-")), "auth-secret");
    const script = `import { readOrCreateSecretFile } from ${JSON.stringify(path.resolve("lib/auth/secret.ts"))};
      process.stdout.write(readOrCreateSecretFile(${JSON.stringify(file)}));`;
    const outputs = await Promise.all(
      Array.from({ length: 8 }, () =>
        exec(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--eval", script], { env: { ...process.env, LOG_LEVEL: "silent" } }),
      ),
    );
    const secrets = new Set(outputs.map((o) => o.stdout));
    expect(secrets.size).toBe(1);
    expect([...secrets][0]).toBe(readFileSync(file, "utf8").trim());
  });
});
