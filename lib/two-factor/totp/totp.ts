import { Secret, TOTP } from "otpauth";

// RFC 6238 through otpauth: SHA-1, 6 digits, 30-second steps (what every authenticator
// app reads from the QR code). A code is accepted for the current step and one step
// either side (clock skew); the caller then stores the step so it is accepted once.

export const TOTP_ISSUER = "Zporta Academy";
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = "account"): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

export function otpauthUrl(secretBase32: string, username: string): string {
  return totp(secretBase32, username).toString();
}

/** The time step `code` belongs to (now ±1), or null when it matches none. */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}
