import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import { StartupError } from "../../lib/server/startup-error";

// The HTTP worker process runs compiled JavaScript: one ES module bundled from
// scripts/server/worker-main.ts and the lib/ code it imports (packages stay plain imports
// from node_modules). No TypeScript loader runs in production workers: tsx's module
// hooks and its always-on source maps cost CPU on every module load and on every Error
// created (Next creates many per request). The bundle is not minified, so stack traces
// stay readable; its source map is written next to it for offline use, and Node does
// not load it (no --enable-source-maps), so it costs nothing per request.

const DIR = path.join(".next", "zporta-server");
/** Relative to the release directory. */
export const SERVER_BUNDLE = path.join(DIR, "worker.mjs");
const STAMP = path.join(DIR, "source-hash");
const ENTRY = "scripts/server/worker-main.ts";
const INPUTS = ["lib", "scripts/server", "tsconfig.json", "package-lock.json"];
const SKIP = new Set(["node_modules", ".next"]);

function walk(p: string, out: string[]) {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) {
    for (const name of readdirSync(p).sort()) if (!SKIP.has(name)) walk(path.join(p, name), out);
  } else out.push(p);
}

function inputsHash(): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(input, files);
  const h = createHash("sha256");
  for (const f of files) h.update(f).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex");
}

/** Paths are relative to the current directory (the release being started). */
export function serverBundleIsCurrent(): boolean {
  return existsSync(SERVER_BUNDLE) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === inputsHash();
}

/** Bundles the worker (about a second); the stamp tells later starts it is current. */
export function buildServerBundle(): void {
  const hash = inputsHash();
  mkdirSync(DIR, { recursive: true });
  try {
    buildSync({
      entryPoints: [ENTRY],
      outfile: SERVER_BUNDLE,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      sourcemap: "linked",
      sourcesContent: false,
      logLevel: "error",
    });
  } catch (err) {
    throw new StartupError(`Could not compile the server (${ENTRY}): ${String((err as Error).message).split("\n")[0]}.`);
  }
  writeFileSync(STAMP, hash);
}
