// Runs the Prisma CLI offline. Every command first tries to download the schema
// engine unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file; generate,
// validate and format never execute it, so a stub that explains itself is enough.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync } from "node:fs";
import path from "node:path";
import { useQueryCompilerFile } from "./support/prisma-query-compiler";

const stub = path.resolve("scripts/schema-engine-stub.sh");
if (existsSync(stub)) chmodSync(stub, 0o755);
const result = spawnSync(
  process.execPath,
  [path.resolve("node_modules/prisma/build/index.js"), ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  },
);
if (result.status === 0 && process.argv[2] === "generate") {
  try {
    await useQueryCompilerFile();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
process.exit(result.status ?? 1);
