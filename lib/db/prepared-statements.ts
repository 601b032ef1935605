// Whether lib/db/direct-query.ts prepares its statements (named, once per connection).
// Prepared once per connection: PostgreSQL then parses and plans these statements once
// instead of on every call, about 40 % of its CPU for a sign-up on this machine
// (bench/sign-up-sql.ts). Named statements live on one server connection, which a pooler
// in transaction mode (PgBouncer before 1.21, or without max_prepared_statements) does not
// keep for us: off when DIRECT_DATABASE_URL says a pooler is in front, unless
// DB_PREPARED_STATEMENTS=on says it copes (deploy/README.md, "Scaling out").
export class PreparedStatementsConfigError extends Error {}

export function preparedStatements(env: Record<string, string | undefined> = process.env): boolean {
  const setting = env.DB_PREPARED_STATEMENTS?.trim().toLowerCase();
  if (setting === "on") return true;
  if (setting === "off") return false;
  if (setting) throw new PreparedStatementsConfigError(`DB_PREPARED_STATEMENTS must be "on" or "off" (got "${env.DB_PREPARED_STATEMENTS}").`);
  return !env.DIRECT_DATABASE_URL?.trim();
}

