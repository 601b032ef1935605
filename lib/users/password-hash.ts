import { type Algorithm, hash, verify } from "@node-rs/argon2";
import { withHashAdmission } from "../security/hash-admission";

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. Runs on libuv's thread pool,
// never on the event loop, within the process's admission limit (HashBusyError past it).
// 2 is Algorithm.Argon2id: an ambient const enum, which isolatedModules cannot inline.
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return withHashAdmission(() => hash(password, OPTIONS));
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return withHashAdmission(() => verify(passwordHash, password).catch(() => false));
}
