import { type Algorithm, hash, verify } from "@node-rs/argon2";
import { withHashAdmission } from "../security/hash-admission";
import { isLegacyHash, verifyLegacyPassword } from "./legacy-hashers";

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. Runs on libuv's thread pool,
// never on the event loop, within the process's admission limit (HashBusyError past it).
// 2 is Algorithm.Argon2id: an ambient const enum, which isolatedModules cannot inline.
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return withHashAdmission(() => hash(password, OPTIONS));
}

/** Our argon2id hashes, and the Django-encoded ones the import kept (lib/users/legacy-hashers.ts). */
export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  // Django's hashes (PBKDF2 at up to 1,000,000 iterations, bcrypt) cost as much as ours:
  // the same admission limit.
  return withHashAdmission(() => (isLegacyHash(passwordHash) ? verifyLegacyPassword(passwordHash, password) : verify(passwordHash, password).catch(() => false)));
}

/** A hash to replace with ours at the next successful sign-in. */
export function needsRehash(passwordHash: string): boolean {
  return isLegacyHash(passwordHash);
}
