import { createLocalJWKSet, type JSONWebKeySet, type JWTHeaderParameters, type FlattenedJWSInput, type CryptoKey } from "jose";

// Google's signing keys, fetched from GOOGLE_JWKS_URL and kept as long as the answer's
// Cache-Control max-age says (Google rotates them and announces the lifetime there). A
// token naming a key we do not have refetches at most once a minute (a rotation), so
// forged kids cannot make us hammer the endpoint.

const MIN_REFETCH_MS = 60_000;
const DEFAULT_MAX_AGE_S = 300;
const TIMEOUT_MS = 5_000;

interface Cached {
  url: string;
  keys: ReturnType<typeof createLocalJWKSet>;
  expiresAt: number;
  fetchedAt: number;
}

let cached: Cached | undefined;
let inFlight: Promise<Cached> | undefined;

function maxAgeSeconds(cacheControl: string | null): number {
  const match = cacheControl?.match(/(?:^|,)\s*max-age=(\d+)/i);
  if (!match || /no-store|no-cache/i.test(cacheControl ?? "")) return match ? 0 : DEFAULT_MAX_AGE_S;
  return Math.min(Number(match[1]), 24 * 60 * 60);
}

async function load(url: URL): Promise<Cached> {
  const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "error" });
  if (!res.ok) throw new Error(`the JWKS endpoint answered ${res.status}`);
  const jwks = (await res.json()) as JSONWebKeySet;
  const now = Date.now();
  return { url: url.href, keys: createLocalJWKSet(jwks), fetchedAt: now, expiresAt: now + maxAgeSeconds(res.headers.get("cache-control")) * 1000 };
}

function refresh(url: URL): Promise<Cached> {
  inFlight ??= load(url)
    .then((c) => (cached = c))
    .finally(() => {
      inFlight = undefined;
    });
  return inFlight;
}

/** A key resolver for jose's jwtVerify over the JWKS at `url`. */
export function googleKeys(url: URL) {
  return async (header: JWTHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey> => {
    let current = cached?.url === url.href && cached.expiresAt > Date.now() ? cached : await refresh(url);
    try {
      return await current.keys(header, token);
    } catch (err) {
      // An unknown kid: maybe a rotation we have not seen yet.
      if ((err as { code?: string }).code !== "ERR_JWKS_NO_MATCHING_KEY" || Date.now() - current.fetchedAt < MIN_REFETCH_MS) throw err;
      current = await refresh(url);
      return current.keys(header, token);
    }
  };
}
