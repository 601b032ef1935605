import { createHash, randomBytes } from "node:crypto";
import { publicUrl } from "../config/public-base-url";

// A link's secret: 256 random bits, URL-safe (43 characters). Only its SHA-256 is stored;
// with this much entropy a plain hash cannot be reversed, and the lookup is one probe of a
// unique index.

export function newLinkSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashLinkSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Shape of a secret we could have issued; anything else is "invalid" without a lookup. */
export const LINK_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A link's `uid` and secret as the lookup needs them, or null when they are not ones we could have made. */
export function parseLinkParts(ref: { uid: unknown; token: unknown }): { userId: number; tokenHash: string } | null {
  const userId = decodeUid(ref.uid);
  if (userId === null || typeof ref.token !== "string" || !LINK_SECRET_PATTERN.test(ref.token)) return null;
  return { userId, tokenHash: hashLinkSecret(ref.token) };
}

/**
 * The `uid` part of a link, as Django's `urlsafe_base64_encode(force_bytes(pk))` makes
 * it: base64url of the decimal id, without padding (42 → "NDI"). The old clients take it
 * from the link and send it back with the token.
 */
export function encodeUid(userId: number): string {
  return Buffer.from(String(userId), "utf8").toString("base64url");
}

/** The user id a `uid` names, or null when it is not one we could have made. */
export function decodeUid(uid: unknown): number | null {
  if (typeof uid !== "string" || !/^[A-Za-z0-9_-]{1,16}={0,2}$/.test(uid)) return null;
  const text = Buffer.from(uid.replace(/=+$/, ""), "base64url").toString("utf8");
  if (!/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= 2_147_483_647 ? id : null;
}

/** Where each kind of link leads (the reset path is the old web client's). */
export const LINK_PAGES = {
  reset: "/reset-password-confirm",
  verify_email: "/verify-email",
  magic_login: "/magic-login",
} as const;

/** `<PUBLIC_BASE_URL><page>/<uid>/<secret>/`: what the email carries. */
export function linkUrl(page: string, userId: number, secret: string): string {
  return publicUrl(`${page}/${encodeUid(userId)}/${secret}/`);
}
