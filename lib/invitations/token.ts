import { createHash, randomBytes } from "node:crypto";

// 256 random bits, URL-safe (43 characters). Only the SHA-256 is stored: with this much
// entropy a plain hash cannot be reversed, and lookups stay a unique-index probe.

export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

// Invitations imported from the Django system keep their UUID tokens (their links are in
// people's mailboxes); Django wrote them in lower case, and a UUID names the same token in
// any letter case, so it is hashed in lower case.
const LEGACY_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function hashInvitationToken(token: string): string {
  const canonical = LEGACY_UUID.test(token) ? token.toLowerCase() : token;
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

/** Shape of a token we could have issued (or imported); anything else is "not valid" without a lookup. */
export const TOKEN_PATTERN = /^(?:[A-Za-z0-9_-]{43}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
