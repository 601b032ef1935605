import { getDb, type Db } from "../../db/client";
import { DomainError } from "../../errors";
import { isCorsAllowedOrigin } from "../../http/cors";
import { secondFactorRequired, staffLacksSecondFactor } from "../../two-factor/requirement";
import { userForApiTokenWithId } from "../credentials/api-tokens";
import { assertStaff, assertUser, notAuthenticated, viewOnly } from "./guards";
import { decodeSession, sessionCookie } from "../credentials/session-cookie";
import { userForSession } from "../credentials/session-rows";
import type { OwnProfile } from "../../users/get-profile";
import type { AuthUser } from "./types";

// Authentication for JSON route handlers: `Authorization: Token <key>` (external
// clients) or the browser's session cookie. The sentences are DRF's.

function invalidToken(message = "Invalid token."): DomainError {
  return new DomainError("invalid_token", message, 401);
}

/** What signed a request in: a browser Session row or an API token (by their row ids). */
export type Credential = { kind: "browser"; id: number } | { kind: "api"; id: number };

export interface RequestCaller {
  user: AuthUser;
  credential: Credential;
  /** The user's own profile, read by the same statement when asked (`withProfile`). */
  profile?: OwnProfile;
}

export interface AuthenticateOptions {
  /** Also read the answering user's own profile in the credential's statement (one round trip). */
  withProfile?: boolean;
}

/**
 * The caller and the credential they used, or null when the request carries no
 * credentials. A `Token` header that is malformed, unknown, expired or belongs to an
 * inactive user is a 401 DomainError, as in DRF (credentials were given and are wrong).
 * Other Authorization schemes are ignored. A session cookie counts only while its
 * Session row is live (one query reads the row and the user).
 */
export async function authenticateRequestCaller(req: Request, db: Db = getDb(), opts: AuthenticateOptions = {}): Promise<RequestCaller | null> {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const [scheme, ...parts] = authorization.trim().split(/\s+/);
    if (scheme.toLowerCase() === "token") {
      if (parts.length === 0) throw invalidToken("Invalid token header. No credentials provided.");
      if (parts.length > 1) throw invalidToken("Invalid token header. Token string should not contain spaces.");
      const found = await userForApiTokenWithId(db, parts[0], opts);
      if (!found) throw invalidToken();
      return { user: found.user, credential: { kind: "api", id: found.tokenId }, ...(found.profile ? { profile: found.profile } : {}) };
    }
  }
  const value = readCookie(req.headers.get("cookie"), sessionCookie().name);
  if (!value) return null;
  // The session cookie rides along on any request the browser makes, so a state-changing
  // request counts it only when it comes from this site (SameSite=Lax covers most
  // cross-site cases; this covers sibling subdomains and old browsers).
  if (!SAFE_METHODS.has(req.method) && !fromSameOrigin(req.headers)) return null;
  const claims = await decodeSession(value);
  if (!claims) return null;
  const session = await userForSession(db, claims.sid, opts);
  // Staff viewing as a member read what the member reads, and change nothing.
  if (session?.user.viewedBy && !SAFE_METHODS.has(req.method)) throw viewOnly();
  return session && { user: session.user, credential: { kind: "browser", id: session.sessionId }, ...(session.profile ? { profile: session.profile } : {}) };
}

/** The caller, or null when the request carries no credentials (see authenticateRequestCaller). */
export async function authenticateRequest(req: Request, db: Db = getDb()): Promise<AuthUser | null> {
  return (await authenticateRequestCaller(req, db))?.user ?? null;
}

/** The caller and their credential, or a 401 DomainError. */
export async function requireCallerRequest(req: Request, db?: Db, opts: AuthenticateOptions = {}): Promise<RequestCaller> {
  const caller = await authenticateRequestCaller(req, db, opts);
  if (!caller) throw notAuthenticated();
  return caller;
}

/** The caller or a 401 DomainError (rendered by jsonRoute as {"detail": …}). */
export async function requireUserRequest(req: Request, db?: Db): Promise<AuthUser> {
  return assertUser(await authenticateRequest(req, db));
}

/** A staff caller or a 401/403 DomainError: every staff-only route handler calls this first. */
export async function requireStaffRequest(req: Request, db?: Db): Promise<AuthUser> {
  return (await requireStaffCallerRequest(req, db)).user;
}

/** A staff caller and the credential they used (step-up checks read it), or a 401/403. */
export async function requireStaffCallerRequest(req: Request, db?: Db): Promise<RequestCaller> {
  const caller = await authenticateRequestCaller(req, db);
  const user = assertStaff(caller?.user ?? null);
  // REQUIRE_2FA: staff without a second factor are refused until enrolled.
  if (await staffLacksSecondFactor(db ?? getDb(), user)) throw secondFactorRequired();
  return { ...caller!, user };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether `origin` (an Origin header's value) is this site: the host the request was
 * addressed to, the public address configured in NEXTAUTH_URL or PUBLIC_BASE_URL, or one
 * of the platform's origins in CORS_ALLOWED_ORIGINS. "null" and anything unparsable are not.
 */
function isOwnOrigin(origin: string, headers: Headers): boolean {
  if (!URL.canParse(origin)) return false;
  const originUrl = new URL(origin);
  if (originUrl.host === headers.get("host")) return true;
  if (isCorsAllowedOrigin(origin)) return true;
  return [process.env.NEXTAUTH_URL, process.env.PUBLIC_BASE_URL].some(
    (configured) => !!configured && URL.canParse(configured) && new URL(configured).origin === originUrl.origin,
  );
}

/** A browser request made by this site's own pages (Origin, or Sec-Fetch-Site when Origin is absent). */
export function fromSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin) return headers.get("sec-fetch-site") === "same-origin";
  return isOwnOrigin(origin, headers);
}

/**
 * A browser request that another site's page made (a form or a fetch): an Origin that is
 * not this site, or Sec-Fetch-Site saying so. Requests that carry neither header (mobile
 * apps, scripts, curl) are not: they are not a visitor's browser acting for someone else.
 * A page on one of CORS_ALLOWED_ORIGINS is not another site, although the browser says
 * same-site (the apex beside www) or cross-site (another domain) for it.
 */
export function fromOtherSite(headers: Headers): boolean {
  if (isCorsAllowedOrigin(headers.get("origin"))) return false;
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") return true;
  const origin = headers.get("origin");
  return origin !== null && !isOwnOrigin(origin, headers);
}

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}
