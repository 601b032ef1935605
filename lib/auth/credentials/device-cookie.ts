import { randomBytes } from "node:crypto";
import { secureCookies } from "./session-cookie";

// The device cookie (OWASP "device cookies", review N-M1): a random 256-bit value a
// browser gets when it signs in. The server remembers, per account, which devices
// signed in to it lately (lib/security/login-limits.ts keys that by the value's
// SHA-256, so the database holds no usable cookie); a correct password from such a
// browser passes the per-account slow-down that strangers polling the account are held
// in. It names no account and grants nothing by itself: the password is still checked,
// and a device that keeps failing (a stolen cookie) loses the exemption.

const DEVICE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Longer than the "known" window on purpose: the server-side record decides. */
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

export function deviceCookieName(): string {
  return secureCookies() ? "__Host-zporta-device" : "zporta-device";
}

export function deviceCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies(), maxAge: MAX_AGE_SECONDS };
}

export function newDeviceId(): string {
  return randomBytes(32).toString("base64url");
}

/** The value when it is well-formed, else null (anything a client typed is ignored). */
export function validDeviceId(value: string | undefined | null): string | null {
  return value && DEVICE_PATTERN.test(value) ? value : null;
}

/** The device id in a raw Cookie header. */
export function deviceIdFromCookieHeader(header: string | undefined | null): string | null {
  if (!header) return null;
  const name = deviceCookieName();
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return validDeviceId(part.slice(eq + 1).trim());
  }
  return null;
}

/** A Set-Cookie header value for a route's response. */
export function deviceSetCookie(id: string): string {
  const o = deviceCookieOptions();
  return `${deviceCookieName()}=${id}; Path=${o.path}; Max-Age=${o.maxAge}; HttpOnly; SameSite=Lax${o.secure ? "; Secure" : ""}`;
}
