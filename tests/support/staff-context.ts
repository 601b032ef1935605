import type { Actor } from "../../lib/actor";
import type { StaffContext } from "../../lib/admin/staff-context";
import type { Db } from "../../lib/db/client";
import { logger } from "../../lib/log/logger";

/** The context a staff use case is called with, for tests that call it directly. */
export function staffContext(actor: Actor, db: Db, extra: Partial<StaffContext> = {}): StaffContext {
  return { db, log: logger, actor, ...extra };
}
