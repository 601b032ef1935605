// `npm run test:node -- <major>`: the Vitest part of the suite under another Node.js major
// version (issue 24: the suite runs on Node 20, 22 and 24). That Node comes from the npm
// registry's `node` package, installed once into .cache/node-<major>/ (git-ignored), and
// is put first on PATH so the runners and every process they start use it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const major = process.argv[2];
if (!major || !/^\d{2}$/.test(major)) {
  console.error("Usage: npm run test:node -- <major version, e.g. 24>");
  process.exit(2);
}
const prefix = path.resolve(".cache", `node-${major}`);
const binDir = path.join(prefix, "node_modules", "node", "bin");
if (!existsSync(path.join(binDir, "node"))) {
  const npm = spawnSync("npm", ["install", "--prefix", prefix, "--no-save", "--no-audit", "--no-fund", `node@${major}`], { stdio: "inherit" });
  if (npm.status !== 0 || !existsSync(path.join(binDir, "node"))) {
    console.error(`Could not install Node.js ${major} from the npm registry's "node" package.`);
    process.exit(1);
  }
}
const env = { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}`, TEST_ONLY: "vitest" };
const version = spawnSync("node", ["--version"], { env, encoding: "utf8" }).stdout.trim();
console.log(`[test] Vitest under Node.js ${version}`);
const run = spawnSync("node", ["--import", "tsx", "scripts/test.ts"], { stdio: "inherit", env });
process.exit(run.status ?? 1);
