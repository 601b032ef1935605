import { ConfigError } from "../config/deployment";
// Google sign-in settings. Without GOOGLE_CLIENT_ID the feature is off: the route answers
// "not configured" and the button is hidden.

export const GOOGLE_JWKS_DEFAULT = "https://www.googleapis.com/oauth2/v3/certs";
export const GOOGLE_ISSUERS = ["accounts.google.com", "https://accounts.google.com"];

/** The OAuth client ids an ID token's `aud` may name (GOOGLE_CLIENT_ID, comma-separated). */
export function googleClientIds(env: Record<string, string | undefined> = process.env): string[] {
  return (env.GOOGLE_CLIENT_ID ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function googleJwksUrl(env: Record<string, string | undefined> = process.env): URL {
  const raw = env.GOOGLE_JWKS_URL?.trim() || GOOGLE_JWKS_DEFAULT;
  try {
    return new URL(raw);
  } catch {
    throw new ConfigError(`GOOGLE_JWKS_URL is not a valid URL: ${raw}`);
  }
}

/**
 * GOOGLE_ALLOWED_DOMAINS (comma-separated Workspace domains): when set, only ID tokens whose
 * `hd` claim is one of them sign in. Empty: any Google account.
 */
export function googleAllowedDomains(env: Record<string, string | undefined> = process.env): string[] {
  return (env.GOOGLE_ALLOWED_DOMAINS ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}
