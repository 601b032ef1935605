// `npm test`: one stack (database, build, server) for the whole suite: Vitest, then
// Playwright. Exit code: the first failing runner's.
import { spawnSync } from "node:child_process";
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
let status = 0;
for (const [cmd, args] of [
  [bin("vitest"), ["run"]],
  [bin("playwright"), ["test"]],
] as const) {
  const result = spawnSync(cmd, [...args], { stdio: "inherit", env });
  if (result.status !== 0) {
    status = result.status ?? 1;
    break;
  }
}
await stack.stop();
process.exit(status);
