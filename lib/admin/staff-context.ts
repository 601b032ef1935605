import type { Actor } from "../actor";
import type { Credential } from "../auth/who/request";
import type { Db } from "../db/client";
import type { Logger } from "../log/logger";

/**
 * What every staff use case is called with: `(input: unknown, ctx: StaffContext)`.
 * The adapter (server action, CLI) builds it once; `sessionId` only where the action is
 * about the staff member's own browser session ("view as"); `credential` is the session or
 * API token acting, for the recent-second-factor check of the sensitive actions.
 */
export interface StaffContext {
  db: Db;
  log: Logger;
  actor: Actor;
  ip?: string;
  sessionId?: number;
  credential?: Credential | null;
}
