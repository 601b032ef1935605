import { createHash, randomBytes } from "node:crypto";

// A sign-in exchange code: 256 random bits, base64url (43 characters) in the redirect to
// the single-page app; only its SHA-256 is stored. It lives two minutes: long enough for
// the app to load and swap it, short enough that a copy left in a history or a log is
// worthless soon after.

export const EXCHANGE_CODE_TTL_SECONDS = 120;
export const EXCHANGE_CODE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newExchangeCode(): string {
  return randomBytes(32).toString("base64url");
}

export function hashExchangeCode(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("hex");
}
