import { ConfigError } from "../config/deployment";
import type { OneTimeLinkPurpose } from "../db/generated/client";

export type LinkPurpose = OneTimeLinkPurpose;

// How long each kind of link lives (issue 11: reset 1 hour, magic link 15 minutes,
// verification 3 days), in minutes, from the environment. A malformed value stops the
// use case with one sentence rather than issuing a link that never (or always) works.
const SETTINGS: Record<LinkPurpose, { variable: string; fallback: number }> = {
  reset: { variable: "RESET_LINK_TTL_MINUTES", fallback: 60 },
  magic_login: { variable: "MAGIC_LINK_TTL_MINUTES", fallback: 15 },
  verify_email: { variable: "VERIFY_EMAIL_LINK_TTL_MINUTES", fallback: 3 * 24 * 60 },
};

export function linkTtlMinutes(purpose: LinkPurpose, env: Record<string, string | undefined> = process.env): number {
  const { variable, fallback } = SETTINGS[purpose];
  const raw = env[variable]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1 || value > 60 * 24 * 365) {
    throw new ConfigError(`${variable} must be a whole number of minutes from 1 to 525600 (got "${env[variable]}").`);
  }
  return value;
}

/** Every setting checked at once (the server's start-up check can call this). */
export function checkLinkTtls(env: Record<string, string | undefined> = process.env): void {
  for (const purpose of Object.keys(SETTINGS) as LinkPurpose[]) linkTtlMinutes(purpose, env);
}
