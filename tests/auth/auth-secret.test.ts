import { randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { authSecret, checkSecret, readOrCreateSecretFile } from "../../lib/auth/nextauth/secret";
import { ConfigError } from "../../lib/config/deployment";
import { oneLine, startRefused } from "../support/start-refusal";

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
    const script = `import { readOrCreateSecretFile } from ${JSON.stringify(path.resolve("lib/auth/nextauth/secret.ts"))};
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

  it("development (no production deployment) generates the file; production never does", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "secret-"));
    const devFile = path.join(dir, "dev-secret");
    expect(authSecret({ NODE_ENV: "development", AUTH_SECRET_FILE: devFile })).toBe(readFileSync(devFile, "utf8").trim());
    // What the supervisor tells `npm start`'s workers (NODE_ENV=production, serving a build).
    expect(authSecret({ NODE_ENV: "production", ZPORTA_DEPLOYMENT: "development", AUTH_SECRET_FILE: devFile })).toBe(
      readFileSync(devFile, "utf8").trim(),
    );
    const prodFile = path.join(dir, "prod-secret");
    for (const env of [{ NODE_ENV: "production" }, { NODE_ENV: "development", ZPORTA_DEPLOYMENT: "production" }]) {
      expect(() => authSecret({ ...env, AUTH_SECRET_FILE: prodFile })).toThrow(ConfigError);
      // Even an existing generated file is not used.
      expect(() => authSecret({ ...env, AUTH_SECRET_FILE: devFile })).toThrow(/NEXTAUTH_SECRET is not set/);
    }
    expect(existsSync(prodFile)).toBe(false);
  });
});

const WEAK = /^NEXTAUTH_SECRET is too weak \(it must be at least 32 random bytes written as base64 or hex, without runs or repeats\); generate one with `openssl rand -base64 48`\.$/;

describe("checkSecret: what NEXTAUTH_SECRET may be", () => {
  const exampleFile = readFileSync("deploy/zporta-accounts.env.example", "utf8");
  const exampleValue = exampleFile.match(/^NEXTAUTH_SECRET=(.*)$/m)![1];

  it("refuses a missing or blank value, naming the command that makes one", () => {
    for (const value of [undefined, "", "   "]) expect(checkSecret(value)).toBe("NEXTAUTH_SECRET is not set; generate one with `openssl rand -base64 48`.");
  });

  it("refuses the example file's placeholder, today's and the earlier one, and anything containing CHANGE-ME in any case", () => {
    expect(exampleFile).toContain("openssl rand -base64 48");
    for (const value of [
      exampleValue,
      "CHANGE-ME-to-32-or-more-random-characters", // 41 characters, 21 distinct: strong by length alone
      `${"x9Kq2LmP7vR4tY8wZ3nB6cD1fG5hJ0aS"}change-me`,
      "Q2hhbmdlTWU-change-ME-kP9sT2vX8yZ4wB7nM1cD",
    ]) {
      expect(checkSecret(value)).toMatch(/^NEXTAUTH_SECRET is still the example's placeholder; generate one with `openssl rand -base64 48`\.$/);
    }
  });

  it("refuses weak values: short, not base64 or hex, too few bytes, or repeated bytes", () => {
    for (const value of ["s3cr3t", "x".repeat(31), "a".repeat(64), "abcabcabcabcabcabcabcabcabcabcabcabc", "0123456789abcde0123456789abcde0123"]) {
      expect(checkSecret(value), value).toMatch(WEAK);
    }
    // Hex or base64 of repeated bytes is not random either.
    expect(checkSecret("ab".repeat(40))).toMatch(WEAK);
    expect(checkSecret(Buffer.alloc(48, 7).toString("base64"))).toMatch(WEAK);
  });

  it("refuses low-entropy values that pass a length-and-variety rule: the review's four (N-L5), alphabets, runs, repeated blocks, sentences", () => {
    for (const value of [
      "abcdefghijklmnopabcdefghijklmnop",
      "0123456789abcdef0123456789abcdef",
      "zporta-accounts-session-secret-2026!",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
      "zyxwvutsrqponmlkjihgfedcbaZYXWVUTSRQPONMLKJIHGFEDCBA9876543210",
      "0123456789abcdef".repeat(4),
      "Kq2LmP7vR4tY8wZ3".repeat(3), // base64 of 36 bytes, but one block thrice
      `${randomBytes(30).toString("base64url")}abcdefgh`, // random, then an ascending run
      "correct horse battery staple: zebra quilt jumps, 42!",
    ]) {
      expect(checkSecret(value), value).toMatch(WEAK);
    }
  });

  it("accepts what openssl/node generate: base64 (48 or 32 bytes), base64url, hex (often missing a hex digit)", async () => {
    for (let i = 0; i < 500; i++) {
      expect(checkSecret(randomBytes(48).toString("base64"))).toBeNull();
      expect(checkSecret(randomBytes(32).toString("base64"))).toBeNull();
      expect(checkSecret(randomBytes(32).toString("base64url"))).toBeNull();
      expect(checkSecret(randomBytes(32).toString("hex"))).toBeNull();
    }
    // About one `openssl rand -hex 32` in four lacks one of the 16 hex digits: still 32 random bytes.
    let hex = "";
    while (new Set(hex).size >= 16 || hex === "") hex = randomBytes(32).toString("hex");
    expect(checkSecret(hex)).toBeNull();
    // With the surrounding newline a shell or an env file may leave.
    expect(checkSecret(`${randomBytes(48).toString("base64")}\n`)).toBeNull();
  });
});

describe("starting the production server", () => {
  it("refuses the example's placeholder NEXTAUTH_SECRET with one readable line and exit code 1", async () => {
    const refusal = await startRefused({ NEXTAUTH_SECRET: "CHANGE-ME-to-32-or-more-random-characters", MAIL_DEV_MAILBOX: "1" });
    expect(refusal.code).toBe(1);
    const line = oneLine(refusal);
    expect(line).toMatchObject({ level: "fatal", event: "server.bad_config" });
    expect(line.msg).toBe("NEXTAUTH_SECRET is still the example's placeholder; generate one with `openssl rand -base64 48`.");
    expect(refusal.stdout + refusal.stderr).not.toMatch(/\n\s+at /); // no stack
  });

  it("refuses a missing or weak NEXTAUTH_SECRET the same way", async () => {
    for (const [env, msg] of [
      [{}, /^NEXTAUTH_SECRET is not set;/],
      [{ NEXTAUTH_SECRET: "a".repeat(40) }, /^NEXTAUTH_SECRET is too weak/],
    ] as const) {
      const refusal = await startRefused({ ...env, MAIL_DEV_MAILBOX: "1" });
      expect(refusal.code).toBe(1);
      expect(oneLine(refusal).msg).toMatch(msg);
    }
  });
});
