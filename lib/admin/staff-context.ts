import type { Actor } from "../actor";
import type { Db } from "../db/client";
import type { Logger } from "../log/logger";

/**
 * What every staff use case is called with: `(input: unknown, ctx: StaffContext)`.
 * The adapter (server action, CLI) builds it once; `sessionId` only where the action is
 * about the staff member's own browser session ("view as").
 */
export interface StaffContext {
  db: Db;
  log: Logger;
  actor: Actor;
  ip?: string;
  sessionId?: number;
}
