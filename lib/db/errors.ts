// Translating database refusals into domain outcomes happens here and only here.
// With @prisma/adapter-pg a unique violation is P2002 without meta.target; the
// constraint (index) name sits under meta.driverAdapterError.cause.

type Unknown = Record<string, unknown> | undefined;

function field(obj: unknown, ...keys: string[]): unknown {
  let cur: unknown = obj;
  for (const key of keys) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** The name of the unique index a write violated, or null if it was not a unique violation. */
export function uniqueViolation(err: unknown): string | null {
  const code = field(err, "code");
  if (code === "P2002") {
    const cause = field(err, "meta", "driverAdapterError", "cause") as Unknown;
    const index = field(cause, "constraint", "index") ?? field(cause, "constraint", "name");
    if (typeof index === "string") return index;
    const target = field(err, "meta", "target");
    if (typeof target === "string") return target;
    if (Array.isArray(target)) return target.join(",");
    return "unknown";
  }
  // A raw `pg` error (scripts, raw SQL).
  if (code === "23505") {
    const constraint = field(err, "constraint");
    return typeof constraint === "string" ? constraint : "unknown";
  }
  return null;
}

const RETRYABLE_SQLSTATES = new Set(["40001", "40P01"]);

/** Serialization failures and deadlocks: safe to retry the whole transaction. */
export function isRetryableTransactionError(err: unknown): boolean {
  if (field(err, "code") === "P2034") return true;
  const sqlState =
    field(err, "meta", "driverAdapterError", "cause", "originalCode") ?? field(err, "code");
  return typeof sqlState === "string" && RETRYABLE_SQLSTATES.has(sqlState);
}
