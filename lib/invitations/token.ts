import { createHash, randomBytes } from "node:crypto";

// 256 random bits, URL-safe (43 characters). Only the SHA-256 is stored: with this much
// entropy a plain hash cannot be reversed, and lookups stay a unique-index probe.

export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Shape of a token we could have issued; anything else is "not valid" without a lookup. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
