import { createHash, hkdfSync } from "node:crypto";
import { authSecret, checkSecret } from "../../auth/nextauth/secret";
import { ConfigError, isProductionDeployment, type Env } from "../../config/deployment";

// The key that seals TOTP secrets at rest. Whoever holds the database and this key can
// mint codes for every account, so it lives only in the environment. Production requires
// MFA_ENCRYPTION_KEY, held to NEXTAUTH_SECRET's rule (checkSecret). Development without it
// derives one from the session secret (itself generated into .data/ on a fresh machine),
// so `npm start` works with nothing to set; a changed session secret then makes the
// sealed secrets unreadable, which production's separate key avoids.

const cache = new WeakMap<Env, Buffer>();

/** The 32-byte AES key; throws ConfigError (one sentence) when production lacks a strong MFA_ENCRYPTION_KEY. */
export function mfaEncryptionKey(env: Env = process.env): Buffer {
  const cached = cache.get(env);
  if (cached) return cached;
  const configured = env.MFA_ENCRYPTION_KEY;
  let key: Buffer;
  if (configured || isProductionDeployment(env)) {
    const problem = checkSecret(configured, "MFA_ENCRYPTION_KEY");
    if (problem) throw new ConfigError(problem);
    // Any strong text becomes exactly 32 bytes.
    key = createHash("sha256").update(configured!, "utf8").digest();
  } else {
    key = Buffer.from(hkdfSync("sha256", authSecret(env), "zporta-accounts", "mfa-encryption-key v1", 32));
  }
  cache.set(env, key);
  return key;
}
