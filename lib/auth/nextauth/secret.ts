import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, isProductionDeployment, type Env } from "../../config/deployment";
import { logger } from "../../log/logger";

// The key that encrypts session cookies (next-auth's JWTs): whoever knows it can forge a
// session for any user. NEXTAUTH_SECRET wins, and must look random (checkSecret). Without
// it, development generates one and keeps it in .data/ (git-ignored, beside the embedded
// database), so `npm start` works on a new machine and sessions survive restarts. A
// production deployment never falls back to that file (it would live in the release
// folder: each deploy would sign everyone out, old releases keep old secrets): the
// supervisor refuses to start instead (scripts/server.ts).

const MIN_SECRET_LENGTH = 32;
const MIN_DISTINCT_BYTES = 16;
const MIN_DECODED_BYTES = 32;
/** A run of this many characters stepping by -1, 0 or +1 ("abcdefgh", "aaaaaaaa"), or a block this long seen twice, is no accident. */
const PATTERN_LENGTH = 8;
const weak = (name: string) => `${name} is too weak (it must be at least ${MIN_DECODED_BYTES} random bytes written as base64 or hex, without runs or repeats)`;
const GENERATE = "generate one with `openssl rand -base64 48`";
/** The placeholders deploy/zporta-accounts.env.example has shipped (today's and earlier). */
const EXAMPLE_VALUES = ["CHANGE-ME-to-32-or-more-random-characters", "CHANGE-ME-generate-with-openssl-rand-base64-48"];

let cached: string | undefined;

export function authSecretFile(): string {
  return process.env.AUTH_SECRET_FILE ?? path.resolve(".data", "auth-secret");
}

/**
 * Why `value` cannot be the session secret, or null when it can. Strong means: not a
 * placeholder, and base64, base64url or hex that decodes to at least 32 bytes of random
 * look: at least 16 distinct byte values, and no ascending/descending/constant run or
 * repeated block in the text (review N-L5: an alphabet, "abcd…abcd…" and "0123…" passed
 * the old length-and-variety rule, and so did a sentence). `name` is the variable the
 * sentence names (MFA_ENCRYPTION_KEY is held to the same rule). That is what
 * `openssl rand -base64 48`, `openssl rand -hex 32` and Node's randomBytes produce; a
 * random value of that length trips the pattern checks about once in a million.
 */
export function checkSecret(value: string | undefined, name = "NEXTAUTH_SECRET"): string | null {
  if (!value || !value.trim()) return `${name} is not set; ${GENERATE}.`;
  if (/change-?me/i.test(value) || EXAMPLE_VALUES.includes(value.trim())) {
    return `${name} is still the example's placeholder; ${GENERATE}.`;
  }
  const text = value.trim();
  const bytes = decoded(text);
  if (!bytes || bytes.length < MIN_DECODED_BYTES || new Set(bytes).size < MIN_DISTINCT_BYTES || patterned(text)) return `${weak(name)}; ${GENERATE}.`;
  return null;
}

function decoded(value: string): Buffer | null {
  if (/^(?:[0-9a-f]{2})+$/i.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(value) || /^[A-Za-z0-9_-]+$/.test(value)) return Buffer.from(value, "base64");
  return null;
}

/** A run of PATTERN_LENGTH characters with one step of -1, 0 or +1, or a block of PATTERN_LENGTH that occurs twice. */
function patterned(text: string): boolean {
  let run = 1;
  for (let i = 1; i < text.length; i++) {
    const step = text.charCodeAt(i) - text.charCodeAt(i - 1);
    const same = i >= 2 && step === text.charCodeAt(i - 1) - text.charCodeAt(i - 2);
    run = Math.abs(step) <= 1 ? (same ? run + 1 : 2) : 1;
    if (run >= PATTERN_LENGTH) return true;
  }
  const seen = new Set<string>();
  for (let i = 0; i + PATTERN_LENGTH <= text.length; i++) {
    const block = text.slice(i, i + PATTERN_LENGTH);
    if (seen.has(block)) return true;
    seen.add(block);
  }
  return false;
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
