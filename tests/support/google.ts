import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { uniq } from "./helpers";

// The tests are Google: they mint ID tokens with a key of their own and serve its JWKS
// on loopback (the server under test gets GOOGLE_JWKS_URL = jwksUrl).

export const GOOGLE_TEST_CLIENT = "test-client.apps.googleusercontent.com";

export interface Claims {
  email?: string;
  email_verified?: boolean;
  aud?: string;
  iss?: string;
  exp?: number;
  iat?: number;
  given_name?: string;
  family_name?: string;
  /** Google's subject: the same person signing in again gives the same one (default: a fresh one). */
  sub?: string;
  /** Google Workspace domain. */
  hd?: string;
}

export interface FakeGoogle {
  jwksUrl: string;
  /** A signed ID token; `key` another private key (a stranger's signature), `kid` another key id. */
  idToken(claims?: Claims, opts?: { key?: CryptoKey; kid?: string }): Promise<string>;
  /** A key Google never published. */
  strangerKey: CryptoKey;
  /** How many times the JWKS was fetched. */
  fetches(): number;
  stop(): Promise<void>;
}

export async function startFakeGoogle(): Promise<FakeGoogle> {
  const pair = await generateKeyPair("RS256");
  const strangerKey = (await generateKeyPair("RS256")).privateKey;
  const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
  let fetches = 0;
  const jwks = createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { "content-type": "application/json", "cache-control": "public, max-age=3600" });
    res.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
  const port = (jwks.address() as AddressInfo).port;
  return {
    jwksUrl: `http://127.0.0.1:${port}/certs`,
    strangerKey,
    fetches: () => fetches,
    async idToken(claims = {}, opts = {}) {
      const now = Math.floor(Date.now() / 1000);
      const { aud = GOOGLE_TEST_CLIENT, iss = "https://accounts.google.com", exp = now + 3600, iat = now, sub = uniq("sub"), ...rest } = claims;
      return new SignJWT({ email_verified: true, ...rest })
        .setProtectedHeader({ alg: "RS256", kid: opts.kid ?? "test-key" })
        .setSubject(sub)
        .setAudience(aud)
        .setIssuer(iss)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(opts.key ?? pair.privateKey);
    },
    stop: () => new Promise((resolve) => jwks.close(() => resolve())),
  };
}
