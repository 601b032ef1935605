import { createHash, randomBytes } from "node:crypto";

// Opaque random tokens (the second step's mfa_token, a trusted browser's cookie): 256
// random bits, stored only as SHA-256.

export const OPAQUE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newOpaqueToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashOpaqueToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
