import type { Db } from "../db/client";
import { logger, type Logger } from "../log/logger";
import { OPERATOR_ACTOR, type UseCaseContext } from "./context";

/** The operator at the console (scripts/manage.ts): no client address, no request id. */
export function cliContext(db: Db, log: Logger = logger): UseCaseContext {
  return { db, log, actor: OPERATOR_ACTOR, ip: "", adapter: "cli" };
}
