import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { mfaEncryptionKey } from "./encryption-key";

// AES-256-GCM with node:crypto: "v1.<iv>.<tag>.<ciphertext>" (base64url). The user id is
// the additional data, so a sealed secret copied onto another account does not open.

const VERSION = "v1";

export function sealTotpSecret(userId: number, secretBase32: string, key = mfaEncryptionKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(`user:${userId}`));
  const ciphertext = Buffer.concat([cipher.update(secretBase32, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** The base32 secret; throws when the value was tampered with or sealed with another key. */
export function openTotpSecret(userId: number, sealed: string, key = mfaEncryptionKey()): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || !ciphertext) throw new Error("Unknown TOTP secret format.");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(`user:${userId}`));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
