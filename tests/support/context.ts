import type { Db } from "../../lib/db/client";
import { logger, type Logger } from "../../lib/log/logger";
import { createLimiters, type Limiters } from "../../lib/security/rate-limits";
import { ANONYMOUS, signedInActor, type ActorContext, type AuthVia, type UseCaseContext } from "../../lib/use-case/context";
import { testDb } from "./helpers";

let unlimited: Limiters | undefined;

/**
 * A use-case context for tests that call use cases directly. Limits are off unless the
 * test passes its own `limiters` (a test of a limit makes them with its own prefix, so
 * its counters never meet the server's or another test's).
 */
export function testContext(opts: {
  actor?: ActorContext | { id: number; isStaff: boolean; isSuperuser?: boolean };
  via?: AuthVia;
  ip?: string;
  userAgent?: string;
  db?: Db;
  log?: Logger;
  limiters?: Limiters;
} = {}): UseCaseContext {
  const actor = !opts.actor ? ANONYMOUS : "kind" in opts.actor ? opts.actor : signedInActor(opts.actor, opts.via ?? "session");
  unlimited ??= createLimiters({ prefix: "test_off", enabled: false });
  return {
    db: opts.db ?? testDb(),
    log: opts.log ?? logger,
    actor,
    ip: opts.ip ?? "127.0.0.1",
    userAgent: opts.userAgent,
    limiters: opts.limiters ?? unlimited,
  };
}
