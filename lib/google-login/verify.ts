import { jwtVerify } from "jose";
import { GOOGLE_ISSUERS, googleClientIds, googleJwksUrl } from "./config";
import { googleKeys } from "./jwks";

export interface GoogleIdentity {
  sub: string;
  email: string | null;
  emailVerified: boolean;
  givenName: string | null;
  familyName: string | null;
  /** The Google Workspace domain (`hd`), absent for consumer accounts. */
  hostedDomain: string | null;
}

/** Why a token was refused, for the log (`google_login.failed`); never the token. */
export class GoogleTokenError extends Error {
  constructor(readonly reason: string) {
    super(`Google ID token refused: ${reason}`);
  }
}

const CLOCK_SKEW_SECONDS = 60;

/**
 * Verifies a Google ID token with jose: RS256 over Google's published keys, `aud` one of
 * our client ids, `iss` Google's, `exp`/`iat` present and valid within a minute of skew.
 */
export async function verifyGoogleIdToken(token: string): Promise<GoogleIdentity> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, googleKeys(googleJwksUrl()), {
      algorithms: ["RS256"],
      audience: googleClientIds(),
      issuer: GOOGLE_ISSUERS,
      clockTolerance: CLOCK_SKEW_SECONDS,
      requiredClaims: ["exp", "iat", "sub"],
    }));
  } catch (err) {
    throw new GoogleTokenError((err as { code?: string }).code ?? "unverifiable");
  }
  if (typeof payload.iat === "number" && payload.iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS) throw new GoogleTokenError("issued_in_future");
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
  return {
    sub: String(payload.sub),
    email: str(payload.email),
    emailVerified: payload.email_verified === true || payload.email_verified === "true",
    givenName: str(payload.given_name),
    familyName: str(payload.family_name),
    hostedDomain: str(payload.hd)?.toLowerCase() ?? null,
  };
}
