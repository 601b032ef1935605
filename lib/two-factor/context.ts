import type { Db } from "../db/client";
import type { Logger } from "../log/logger";
import type { Limiters } from "../security/rate-limits";
import type { CodeLimiter } from "./attempts";

/** What every two-factor use case gets from its adapter (route, server action, CLI). */
export interface TwoFactorContext {
  db: Db;
  /** The client address (clientIp(headers)), for the password budgets. */
  ip: string;
  log?: Logger;
  limiters?: Limiters;
  codeLimiter?: CodeLimiter;
}
