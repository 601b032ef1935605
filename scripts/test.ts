// `npm test`: one stack (database, build, server) for the whole suite: Vitest, then
// Playwright (both always run). Ends with one "N passed, N failed" line; exit code: the
// first failing runner's.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { startTestStack } from "../tests/support/stack";

const log = (m: string) => console.log(`[test] ${m}`);
// The last run's server logs go; this run's stay beside the reports (tests/support/stack.ts).
rmSync("test-reports/servers", { recursive: true, force: true });
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

// The names of what failed are printed last too: CI often keeps only the tail of the output,
// and the runners' own failure reports are far above it.
function counts(): { passed: number; failed: number; skipped: number; names: string[] } {
  const total = { passed: 0, failed: 0, skipped: 0, names: [] as string[] };
  if (existsSync(VITEST_JSON)) {
    const v = JSON.parse(readFileSync(VITEST_JSON, "utf8"));
    total.passed += v.numPassedTests ?? 0;
    total.failed += (v.numFailedTests ?? 0) + (v.success === false && !v.numFailedTests ? 1 : 0);
    total.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
    total.names.push(...vitestFailures(v));
  } else total.failed += 1;
  if (vitestOnly) return total;
  if (existsSync(PLAYWRIGHT_JSON)) {
    const report = JSON.parse(readFileSync(PLAYWRIGHT_JSON, "utf8"));
    const p = report.stats ?? {};
    total.passed += (p.expected ?? 0) + (p.flaky ?? 0);
    total.failed += p.unexpected ?? 0;
    total.skipped += p.skipped ?? 0;
    total.names.push(...playwrightFailures(report.suites ?? []));
  } else total.failed += 1;
  return total;
}

const firstLine = (text: unknown) =>
  String(text ?? "").replace(/\x1b\[[0-9;]*m/g, "").split("\n").find((l) => l.trim())?.trim().slice(0, 200) ?? "";

type VitestReport = {
  testResults?: { name: string; status: string; message?: string; assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[] }[];
};
function vitestFailures(v: VitestReport): string[] {
  const out: string[] = [];
  for (const file of v.testResults ?? []) {
    const rel = file.name.replace(`${process.cwd()}/`, "");
    const failed = (file.assertionResults ?? []).filter((a) => a.status === "failed");
    for (const a of failed) out.push(`vitest ${rel} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
    if (!failed.length && file.status === "failed") out.push(`vitest ${rel}: ${firstLine(file.message)}`);
  }
  return out;
}

type PlaywrightSuite = {
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: { title: string; line?: number; tests?: { projectName?: string; status?: string; results?: { error?: { message?: string } }[] }[] }[];
};
function playwrightFailures(suites: PlaywrightSuite[], file = ""): string[] {
  const out: string[] = [];
  for (const s of suites) {
    const f = s.file ?? file;
    for (const spec of s.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === "unexpected") {
          const error = t.results?.findLast((r) => r.error)?.error?.message;
          out.push(`playwright ${f}:${spec.line ?? ""} › ${spec.title}: ${firstLine(error)}`);
        }
    out.push(...playwrightFailures(s.suites ?? [], f));
  }
  return out;
}

const c = counts();
if (c.failed > 0 && status === 0) status = 1;
if (c.names.length) console.log(`\nFailed:\n${c.names.map((n) => `  - ${n}`).join("\n")}`);
console.log(`\n${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""}`);
process.exit(status);
