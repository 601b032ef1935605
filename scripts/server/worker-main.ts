// Entry point of a production HTTP worker, compiled ahead of time into
// .next/zporta-server/worker.mjs (scripts/support/server-bundle.ts) and forked by the
// supervisor (scripts/server/primary.ts). Plain Node runs it: no TypeScript loader.
import { failStart } from "./start-failure";
import { readOptions } from "./options";
import { runWorker } from "./worker";

runWorker(readOptions(), true).catch(failStart);
