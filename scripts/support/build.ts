import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { StartupError } from "../../lib/server/startup-error";
import { buildServerBundle, serverBundleIsCurrent } from "./server-bundle";

// `npm start` builds only when the sources changed since the last build: the stamp
// is a hash of everything `next build` reads.
const INPUTS = ["app", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const SKIP = new Set(["node_modules", ".next", "generated"]);
const STAMP = path.join(".next", "source-hash");

function walk(p: string, out: string[]) {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) {
    for (const name of readdirSync(p).sort()) if (!SKIP.has(name)) walk(path.join(p, name), out);
  } else out.push(p);
}

export function sourceHash(): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(input, files);
  const h = createHash("sha256");
  for (const f of files) h.update(f).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex");
}

export function buildIsCurrent(): boolean {
  return existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceHash();
}

export function ensureBuild(log: (msg: string) => void = console.log): void {
  if (buildIsCurrent()) {
    // The server's own code (scripts/server) may have changed without the app's.
    if (!serverBundleIsCurrent()) buildServerBundle();
    return;
  }
  log("building the app (next build), once per source change…");
  build();
}

/** `next build` and the compiled HTTP worker, then the stamp that tells later starts the build is current. */
export function build(): void {
  const hash = sourceHash();
  const next = path.resolve("node_modules/next/dist/bin/next");
  if (!existsSync(next)) throw new StartupError(`The build tool (${next}) is missing; run \`npm install\` in ${process.cwd()} first.`);
  const result = spawnSync(process.execPath, [next, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.error) throw new StartupError(`Could not run the build (next build): ${result.error.message}.`);
  if (result.status !== 0) throw new StartupError("The build (next build) failed; its output above says why.");
  buildServerBundle();
  writeFileSync(STAMP, hash);
}
