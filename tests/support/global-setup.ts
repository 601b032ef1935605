import type { TestProject } from "vitest/node";
import { stackFromEnv, startTestStack } from "./stack";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    serverLog: string;
  }
}

// `npm test` starts one stack for Vitest and Playwright and passes it in the
// environment; a bare `npx vitest` starts its own.
export default async function setup(project: TestProject) {
  const existing = stackFromEnv();
  const stack = existing ?? (await startTestStack((m) => console.log(`[stack] ${m}`)));
  project.provide("baseUrl", stack.baseUrl);
  project.provide("databaseUrl", stack.databaseUrl);
  project.provide("serverLog", stack.serverLog);
  return async () => {
    if (!existing) await (stack as Awaited<ReturnType<typeof startTestStack>>).stop();
  };
}
