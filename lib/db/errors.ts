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
  // Raw SQL through Prisma ($queryRaw): P2010, the driver's error under the same cause.
  if (code === "P2010") {
    const cause = field(err, "meta", "driverAdapterError", "cause") as Unknown;
    if (field(cause, "originalCode") !== "23505") return null;
    const index = field(cause, "constraint", "index") ?? field(cause, "constraint", "name");
    return typeof index === "string" ? index : "unknown";
  }
  // A raw `pg` error (scripts, raw SQL).
  if (code === "23505") {
    const constraint = field(err, "constraint");
    return typeof constraint === "string" ? constraint : "unknown";
  }
  return null;
}

/**
 * The name of the CHECK a write violated, or null. Prisma's pg adapter keeps no constraint
 * name for 23514, only DETAIL: triggers that raise a named check violation repeat the name
 * there (e.g. User_username_is_own_email); a real CHECK's DETAIL (the failing row) is not
 * a bare name and is never returned.
 */
export function checkViolation(err: unknown): string | null {
  const cause = field(err, "meta", "driverAdapterError", "cause");
  const bareName = (v: unknown) => (typeof v === "string" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(v) ? v : null);
  if (field(cause, "originalCode") === "23514") return bareName(field(cause, "detail")) ?? "unknown";
  // A raw `pg` error (scripts, raw SQL).
  if (field(err, "code") === "23514") return bareName(field(err, "constraint")) ?? "unknown";
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

// The database is down, restarting, unreachable, out of connections or too slow to
// answer within the configured timeouts (lib/db/client.ts). None of these says anything
// about the request: the client should retry later (503), and the app recovers by itself
// because the pool reconnects on the next query.
const UNAVAILABLE_PRISMA_CODES = new Set([
  "P1001", // can't reach database server
  "P1002", // database server timed out
  "P1008", // operations timed out
  "P1017", // server closed the connection
  "P2024", // timed out fetching a connection from the pool
]);
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_SQLSTATES = new Set([
  "57P01", // admin_shutdown: the server is stopping
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or shutting down
  "57014", // query_canceled: statement_timeout fired
  "55P03", // lock_not_available: lock_timeout fired
]);
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNABORTED",
]);
// What `pg` and `pg-pool` throw as plain Errors (no code) when a connection fails.
const PG_CONNECTION_MESSAGES =
  /^(timeout exceeded when trying to connect|Connection terminated( unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|Query read timeout|Cannot use a pool after calling end on the pool)$/;

function isUnavailableSqlState(code: unknown): boolean {
  return (
    typeof code === "string" &&
    (code.startsWith("08") || // connection_exception class
      code.startsWith("53") || // insufficient_resources: too many connections, out of memory, disk full
      UNAVAILABLE_SQLSTATES.has(code))
  );
}

/** True when `err` (or anything it wraps) says the database cannot serve us right now. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (err === null || typeof err !== "object" || depth > 5) return false;
  const code = field(err, "code");
  if (typeof code === "string" && (UNAVAILABLE_PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || isUnavailableSqlState(code))) {
    return true;
  }
  const message = field(err, "message");
  if (typeof message === "string" && PG_CONNECTION_MESSAGES.test(message)) return true;

  const adapterCause = field(err, "meta", "driverAdapterError", "cause") ?? field(err, "cause");
  const kind = field(adapterCause, "kind");
  if (typeof kind === "string") {
    if (UNAVAILABLE_ADAPTER_KINDS.has(kind)) return true;
    if (isUnavailableSqlState(field(adapterCause, "originalCode"))) return true;
  }
  const nested = [field(err, "cause"), field(err, "meta", "driverAdapterError", "cause")];
  const errors = field(err, "errors");
  if (Array.isArray(errors)) nested.push(...errors);
  return nested.some((e) => e !== err && isDatabaseUnavailable(e, depth + 1));
}

/** A one-line, secret-free description of a database error for logs. */
export function describeDbError(err: unknown): { code?: string; kind?: string; sqlState?: string; message: string } {
  const cause = field(err, "meta", "driverAdapterError", "cause") ?? field(err, "cause");
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  // Prisma's messages start with the calling source line; the reason is the last line.
  const message = String(field(err, "message") ?? err)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1);
  return {
    code: str(field(err, "code")),
    kind: str(field(cause, "kind")),
    sqlState: str(field(cause, "originalCode")) ?? str(field(cause, "code")),
    message: (message ?? "").slice(0, 300),
  };
}
