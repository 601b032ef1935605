import { stackFromEnv, startTestStack } from "../../tests/support/stack";

// `npm test` passes its running stack in the environment; a bare `npx playwright test`
// starts one (workers inherit process.env set here).
export default async function globalSetup() {
  if (stackFromEnv()) return;
  const stack = await startTestStack((m) => console.log(`[stack] ${m}`));
  process.env.TEST_BASE_URL = stack.baseUrl;
  process.env.TEST_DATABASE_URL = stack.databaseUrl;
  process.env.TEST_SERVER_LOG = stack.serverLog;
  return async () => stack.stop();
}
