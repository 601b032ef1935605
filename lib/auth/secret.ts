import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, isProductionDeployment, type Env } from "../config/deployment";
import { logger } from "../log/logger";

// The key that encrypts session cookies (next-auth's JWTs): whoever knows it can forge a
// session for any user. NEXTAUTH_SECRET wins, and must look random (checkSecret). Without
// it, development generates one and keeps it in .data/ (git-ignored, beside the embedded
// database), so `npm start` works on a new machine and sessions survive restarts. A
// production deployment never falls back to that file (it would live in the release
// folder: each deploy would sign everyone out, old releases keep old secrets): the
// supervisor refuses to start instead (scripts/server.ts).

const MIN_SECRET_LENGTH = 32;
const MIN_DISTINCT_CHARACTERS = 16;
const MIN_DECODED_BYTES = 32;
const GENERATE = "generate one with `openssl rand -base64 48`";
/** The placeholders deploy/zporta-accounts.env.example has shipped (today's and earlier). */
const EXAMPLE_VALUES = ["CHANGE-ME-to-32-or-more-random-characters", "CHANGE-ME-generate-with-openssl-rand-base64-48"];

let cached: string | undefined;

export function authSecretFile(): string {
  return process.env.AUTH_SECRET_FILE ?? path.resolve(".data", "auth-secret");
}

/**
 * Why `value` cannot be the session secret, or null when it can. Strong means: not a
 * placeholder, and either at least 32 characters of which at least 16 distinct, or
 * base64/hex that decodes to at least 32 bytes (of at least 16 distinct values: a hex
 * secret from `openssl rand -hex 32` often lacks one of the 16 hex digits). `name` is the
 * variable the sentence names (MFA_ENCRYPTION_KEY is held to the same rule).
 */
export function checkSecret(value: string | undefined, name = "NEXTAUTH_SECRET"): string | null {
  if (!value || !value.trim()) return `${name} is not set; ${GENERATE}.`;
  if (/change-?me/i.test(value) || EXAMPLE_VALUES.includes(value.trim())) {
    return `${name} is still the example's placeholder; ${GENERATE}.`;
  }
  if (decodesToRandomBytes(value)) return null;
  if (value.length < MIN_SECRET_LENGTH || new Set(value).size < MIN_DISTINCT_CHARACTERS) {
    return `${name} is too weak (it needs at least ${MIN_SECRET_LENGTH} characters, ${MIN_DISTINCT_CHARACTERS} of them different); ${GENERATE}.`;
  }
  return null;
}

function decodesToRandomBytes(value: string): boolean {
  let bytes: Buffer | null = null;
  if (/^(?:[0-9a-f]{2})+$/i.test(value)) bytes = Buffer.from(value, "hex");
  else if (/^[A-Za-z0-9+/]+={0,2}$/.test(value) || /^[A-Za-z0-9_-]+$/.test(value)) bytes = Buffer.from(value, "base64");
  return bytes !== null && bytes.length >= MIN_DECODED_BYTES && new Set(bytes).size >= MIN_DISTINCT_CHARACTERS;
}

/**
 * The session secret. Throws ConfigError (one sentence) when NEXTAUTH_SECRET is set but
 * weak, or unset in a production deployment. The supervisor calls it before starting
 * workers, so a bad secret stops the start at once rather than every request.
 */
export function authSecret(env: Env = process.env): string {
  const own = env === process.env;
  if (own && cached) return cached;
  const fromEnv = env.NEXTAUTH_SECRET;
  let secret: string;
  if (fromEnv || isProductionDeployment(env)) {
    const problem = checkSecret(fromEnv);
    if (problem) throw new ConfigError(problem);
    secret = fromEnv!;
  } else {
    secret = readOrCreateSecretFile(env.AUTH_SECRET_FILE ?? authSecretFile());
  }
  if (own) cached = secret;
  return secret;
}

/**
 * Several processes (cluster workers) may start at once on a fresh install: each writes
 * a candidate to its own temporary file and hard-links it to the final name, which
 * succeeds for exactly one of them; everyone then reads the winner's file.
 */
export function readOrCreateSecretFile(file: string): string {
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(path.dirname(file), { recursive: true });
  const candidate = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(candidate, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  try {
    linkSync(candidate, file);
    logger.warn(
      { event: "auth.secret_generated", file },
      "NEXTAUTH_SECRET is not set: generated a session secret for this install (set NEXTAUTH_SECRET when several machines serve the app)",
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  } finally {
    unlinkSync(candidate);
  }
  const secret = readSecret(file);
  if (!secret) throw new Error(`The session secret file ${file} is empty or too short; delete it to generate a new one.`);
  return secret;
}

function readSecret(file: string): string | null {
  try {
    const value = readFileSync(file, "utf8").trim();
    return value.length >= MIN_SECRET_LENGTH ? value : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}
