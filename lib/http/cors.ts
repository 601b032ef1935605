import { ConfigError } from "../config/deployment";

// Browser clients on the platform's other origins (the live frontend at
// https://zportaacademy.com and https://www.zportaacademy.com) call the users API with
// credentials, as Django allowed them through django-cors-headers. CORS_ALLOWED_ORIGINS
// keeps Django's name and form: a comma-separated list of origins (scheme://host[:port]).
// Those origins, and only those, get CORS answers, and the cross-site refusal treats
// them as this site's own (lib/auth/who/request.ts). Any other origin gets neither.

/** The paths that answer CORS: the old users API the live frontend calls. */
export const CORS_PATH_PREFIX = "/api/users/";

export const CORS_ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
// django-cors-headers' default list (accept, authorization, content-type, user-agent,
// x-csrftoken, x-requested-with) plus this app's request id.
export const CORS_ALLOWED_HEADERS = "Accept, Authorization, Content-Type, User-Agent, X-CSRFToken, X-Requested-With, X-Request-Id";
/** How long a browser may cache a preflight answer (django-cors-headers' default, one day). */
export const CORS_MAX_AGE = "86400";

/**
 * The origins in `raw`, normalised as browsers send them. Throws ConfigError (one
 * sentence) for an entry that is not an http(s) origin, so a typo fails the start
 * instead of silently refusing the live frontend.
 */
export function parseCorsOrigins(raw: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const entry of (raw ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
    const url = URL.canParse(entry) ? new URL(entry) : null;
    // Exactly scheme://host[:port], as browsers send Origin (an optional trailing slash aside).
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || entry.replace(/\/$/, "").toLowerCase() !== url.origin) {
      throw new ConfigError(`CORS_ALLOWED_ORIGINS: "${entry}" is not an origin such as https://zportaacademy.com (scheme and host, no path).`);
    }
    out.add(url.origin);
  }
  return out;
}

let cached: { raw: string | undefined; origins: Set<string> } | null = null;

/** The configured origins (read once per value of the variable). */
export function corsOrigins(env: Record<string, string | undefined> = process.env): Set<string> {
  const raw = env.CORS_ALLOWED_ORIGINS;
  if (!cached || cached.raw !== raw) cached = { raw, origins: parseCorsOrigins(raw) };
  return cached.origins;
}

/** Whether an Origin header's value is one of CORS_ALLOWED_ORIGINS. */
export function isCorsAllowedOrigin(origin: string | null, env?: Record<string, string | undefined>): origin is string {
  return origin !== null && corsOrigins(env).has(origin);
}

export function isCorsPath(pathname: string): boolean {
  return pathname.startsWith(CORS_PATH_PREFIX) || pathname === "/api/users";
}

/** The headers every answer to an allowed origin carries. */
export function corsResponseHeaders(origin: string): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Expose-Headers": "X-Request-Id",
  };
}

/** The answer to a preflight from an allowed origin. */
export function corsPreflightHeaders(origin: string): Record<string, string> {
  return {
    ...corsResponseHeaders(origin),
    "Access-Control-Allow-Methods": CORS_ALLOWED_METHODS,
    "Access-Control-Allow-Headers": CORS_ALLOWED_HEADERS,
    "Access-Control-Max-Age": CORS_MAX_AGE,
  };
}

/** A CORS preflight: OPTIONS with Origin and Access-Control-Request-Method. */
export function isPreflight(method: string, headers: Headers): boolean {
  return method === "OPTIONS" && headers.has("origin") && headers.has("access-control-request-method");
}
