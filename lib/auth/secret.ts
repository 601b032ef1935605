import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { logger } from "../log/logger";

// The key that encrypts session cookies (next-auth's JWTs). NEXTAUTH_SECRET wins; without
// it, a fresh install generates one and keeps it in .data/ (git-ignored, beside the
// embedded database), so `npm start` works on a new machine and sessions survive
// restarts. Several machines behind one address must share NEXTAUTH_SECRET.

const MIN_SECRET_LENGTH = 32;
let cached: string | undefined;

export function authSecretFile(): string {
  return process.env.AUTH_SECRET_FILE ?? path.resolve(".data", "auth-secret");
}

export function authSecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.NEXTAUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < MIN_SECRET_LENGTH) {
      throw new Error(`NEXTAUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 32\`).`);
    }
    cached = fromEnv;
    return cached;
  }
  cached = readOrCreateSecretFile(authSecretFile());
  return cached;
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
