import type { Db } from "../../db/client";
import type { Logger } from "../../log/logger";
import { secondFactorMethods, type Method } from "../status";
import { hashOpaqueToken, newOpaqueToken } from "./token";

export const CHALLENGE_MINUTES = 5;

export interface SecondStep {
  /** The opaque mfa_token (API) or pending cookie value (browser); only its hash is stored. */
  token: string;
  methods: Method[];
}

/**
 * After a first factor (password, magic link, Google) for an account with a second
 * factor: a pending sign-in that a code completes within 5 minutes. Null when the
 * account has none (the caller signs in at once). `credentialStamp`: the password hash
 * the first step verified, if it was a password (a change in between kills the step).
 */
export async function startSecondStep(db: Db, userId: number, opts: { credentialStamp?: string | null; log?: Logger } = {}): Promise<SecondStep | null> {
  const methods = await secondFactorMethods(db, userId);
  if (methods.length === 0) return null;
  const token = newOpaqueToken();
  await db.$executeRaw`
    INSERT INTO "MfaChallenge" ("userId", "tokenHash", "credentialStamp", "expiresAt")
    VALUES (${userId}, ${hashOpaqueToken(token)}, ${opts.credentialStamp ?? null}, now() + make_interval(mins => ${CHALLENGE_MINUTES}::int))`;
  // Old pending steps of anyone are swept in passing (bounded, like sessions).
  await db.$executeRaw`
    DELETE FROM "MfaChallenge" WHERE "id" IN (SELECT "id" FROM "MfaChallenge" WHERE "expiresAt" < now() - interval '1 hour' LIMIT 100)`;
  opts.log?.info({ event: "two_factor.challenge_started", userId, methods }, "second step required");
  return { token, methods };
}
