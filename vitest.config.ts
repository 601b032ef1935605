import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // REQUIRE_2FA off in-process as on the shared test server (tests/support/stack.ts):
    // tests/two-factor/two-factor-required.test.ts starts its own server with the requirement.
    env: { NODE_ENV: "test", REQUIRE_2FA: "off" },
  },
});
