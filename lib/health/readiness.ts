import type { Db } from "../db/client";
import { describeDbError, isDatabaseUnavailable } from "../db/errors";
import { pendingMigrations } from "../db/migrate";
import type { Logger } from "../log/logger";
import { isDraining } from "../server/lifecycle";

export type Check = "ok" | "unreachable" | "error" | "pending" | "unknown";

export interface Readiness {
  ready: boolean;
  body: {
    status: "ready" | "unavailable" | "draining";
    checks: { database: Check; migrations: Check };
    pendingMigrations?: string[];
  };
}

class TimedOut extends Error {}

/**
 * Databases this process found fully migrated, and when: for a while after, a probe only
 * asks the database to answer (one SELECT 1) instead of comparing every migration again
 * (review L7). Migrations are not un-applied under a running release; the check is
 * repeated now and then all the same (a database restored from an old backup).
 */
const migratedAt = new WeakMap<Db, number>();
const MIGRATION_CHECK_EVERY_MS = 5 * 60 * 1000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Can this process serve traffic? The database answers and has every migration this
 * release ships, and the process is not shutting down. Says nothing secret: no
 * addresses, versions or error texts, only which check failed (and the names of
 * pending migrations, which are in the public repository anyway).
 */
export async function checkReadiness(db: Db, log: Logger, timeoutMs = Number(process.env.HEALTH_TIMEOUT_MS ?? 2000)): Promise<Readiness> {
  if (isDraining()) {
    return { ready: false, body: { status: "draining", checks: { database: "unknown", migrations: "unknown" } } };
  }
  let pending: string[];
  const checkedAt = migratedAt.get(db);
  const recentlyMigrated = checkedAt !== undefined && Date.now() - checkedAt < MIGRATION_CHECK_EVERY_MS;
  try {
    pending = await within(
      recentlyMigrated
        ? db.$queryRawUnsafe("SELECT 1").then(() => [])
        : pendingMigrations({ query: async (sql) => ({ rows: await db.$queryRawUnsafe<Record<string, unknown>[]>(sql) }) }),
      timeoutMs,
    );
  } catch (err) {
    const unreachable = err instanceof TimedOut || isDatabaseUnavailable(err);
    // Unreachable is an operations matter (warn); any other failure here is a bug (error).
    log[unreachable ? "warn" : "error"](
      { event: "health.not_ready", reason: unreachable ? "database_unreachable" : "database_error", db: describeDbError(err) },
      "database check failed",
    );
    return {
      ready: false,
      body: { status: "unavailable", checks: { database: unreachable ? "unreachable" : "error", migrations: "unknown" } },
    };
  }
  if (pending.length > 0) {
    log.warn({ event: "health.not_ready", reason: "migrations", pending }, "migrations pending");
    return {
      ready: false,
      body: { status: "unavailable", checks: { database: "ok", migrations: "pending" }, pendingMigrations: pending },
    };
  }
  if (!recentlyMigrated) migratedAt.set(db, Date.now());
  return { ready: true, body: { status: "ready", checks: { database: "ok", migrations: "ok" } } };
}
