import os from "node:os";
import { PreparedStatementsConfigError, preparedStatements } from "../../lib/db/prepared-statements";
import { parseCorsOrigins } from "../../lib/http/cors";
import { checkTrustProxyForHost, parseTrustProxy } from "../../lib/http/trust-proxy";
import { HashAdmissionConfigError, hashAdmissionConfig, type HashAdmissionConfig } from "../../lib/security/hash-admission";
import { hashNiceFromEnv } from "../../lib/security/hash-thread-priority";
import { RateLimitConfigError, rateLimitConfigFromEnv } from "../../lib/security/rate-limit-config";

// Everything the server reads from its command line and environment, checked once in
// the primary so that a typo fails the start with a sentence instead of a crash loop.

export interface ServerOptions {
  port: number;
  /** Interface to bind; unset = every interface. Behind nginx on one machine: 127.0.0.1. */
  host: string | undefined;
  workers: number;
  dev: boolean;
  /** How long a stopping worker waits for in-flight requests before cutting them. */
  graceMs: number;
  /** Password hashes each worker runs at once and keeps waiting (lib/security/hash-admission.ts). */
  hashAdmission: HashAdmissionConfig;
}

export class OptionsError extends Error {}

function positiveInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new OptionsError(`${name} must be a positive integer, not "${raw}".`);
  return n;
}

export function readOptions(argv = process.argv.slice(2), env = process.env): ServerOptions {
  const prod = argv.includes("--prod");
  const dev = argv.includes("--dev");
  const cpus = os.availableParallelism();
  const workersRaw = env.WORKERS?.trim();
  const workers = !workersRaw ? (prod ? cpus : 1) : workersRaw === "auto" ? cpus : positiveInt("WORKERS", workersRaw);
  // Both throw TrustProxyError with a clear message.
  checkTrustProxyForHost(parseTrustProxy(env.TRUST_PROXY), env.HOST?.trim() || undefined);
  parseCorsOrigins(env.CORS_ALLOWED_ORIGINS); // throws ConfigError: a typo fails the start, not the live frontend
  try {
    rateLimitConfigFromEnv(env); // a typo in a limit fails the start, not the first sign-in
  } catch (err) {
    if (err instanceof RateLimitConfigError) throw new OptionsError(err.message);
    throw err;
  }
  try {
    preparedStatements(env);
  } catch (err) {
    if (err instanceof PreparedStatementsConfigError) throw new OptionsError(err.message);
    throw err;
  }
  let hashAdmission: HashAdmissionConfig;
  try {
    hashAdmission = hashAdmissionConfig(env);
    hashNiceFromEnv(env); // read by each worker (lib/security/hash-thread-priority.ts)
  } catch (err) {
    if (err instanceof HashAdmissionConfigError) throw new OptionsError(err.message);
    throw err;
  }
  return {
    hashAdmission,
    port: env.PORT ? positiveInt("PORT", env.PORT) : 3000,
    host: env.HOST?.trim() || undefined,
    workers: dev ? 1 : workers,
    dev,
    graceMs: env.SHUTDOWN_GRACE_MS ? positiveInt("SHUTDOWN_GRACE_MS", env.SHUTDOWN_GRACE_MS) : 10_000,
  };
}
