// `npm test`: one stack (database, build, server) for the whole suite: Vitest, then
// Playwright (both always run). Ends with one "N passed, N failed" line; exit code: the
// first failing runner's.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { startTestStack } from "../tests/support/stack";

const log = (m: string) => console.log(`[test] ${m}`);
const stack = await startTestStack(log);
log(`app under test at ${stack.baseUrl}; server log: ${stack.serverLog}`);

const env = {
  ...process.env,
  TEST_BASE_URL: stack.baseUrl,
  TEST_DATABASE_URL: stack.databaseUrl,
  TEST_SERVER_LOG: stack.serverLog,
};
const bin = (name: string) => `node_modules/.bin/${name}`;
// Not under test-results/: Playwright empties that folder when it starts.
const VITEST_JSON = "test-reports/vitest.json";
const PLAYWRIGHT_JSON = "test-reports/playwright.json";
for (const f of [VITEST_JSON, PLAYWRIGHT_JSON]) rmSync(f, { force: true });

// TEST_ONLY=vitest runs the Vitest part alone (scripts/test-on-node.ts uses it under
// another Node version; the browser part does not depend on the server's Node).
const vitestOnly = process.env.TEST_ONLY === "vitest";
let status = 0;
for (const [cmd, args, extraEnv] of [
  [bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`], {}],
  ...(vitestOnly ? [] : [[bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON }] as const]),
] as const) {
  // Not spawnSync: this process must keep its event loop turning while the runners work,
  // because it reads the embedded PostgreSQL's log pipe; a pipe nobody drains fills up and
  // then blocks every database backend that writes a log line.
  const child = spawn(cmd, [...args], { stdio: "inherit", env: { ...env, ...extraEnv } });
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0 && status === 0) status = code ?? 1;
}
await stack.stop();

function counts(): { passed: number; failed: number; skipped: number } {
  const total = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(VITEST_JSON)) {
    const v = JSON.parse(readFileSync(VITEST_JSON, "utf8"));
    total.passed += v.numPassedTests ?? 0;
    total.failed += (v.numFailedTests ?? 0) + (v.success === false && !v.numFailedTests ? 1 : 0);
    total.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  } else total.failed += 1;
  if (vitestOnly) return total;
  if (existsSync(PLAYWRIGHT_JSON)) {
    const p = JSON.parse(readFileSync(PLAYWRIGHT_JSON, "utf8")).stats ?? {};
    total.passed += (p.expected ?? 0) + (p.flaky ?? 0);
    total.failed += p.unexpected ?? 0;
    total.skipped += p.skipped ?? 0;
  } else total.failed += 1;
  return total;
}
const c = counts();
if (c.failed > 0 && status === 0) status = 1;
console.log(`\n${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""}`);
process.exit(status);
