import { hashApiToken, issueApiToken } from "../../auth/credentials/api-tokens";
import type { Db } from "../../db/client";
import type { Logger } from "../../log/logger";
import { limitTokenIssuance } from "../../security/rate-limits";
import { loginAnswer } from "../../users/login-answer";
import { MFA_REQUIRED } from "../messages";
import type { SecondStep } from "./start";

/**
 * The token login's answer, byte for byte the old API's: a new per-device token and the
 * user. One function for POST /api/users/login/ and /api/users/login/2fa/. The token is
 * made only while the verified password hash is still the account's (credentialStamp).
 */
export async function apiLoginAnswer(
  db: Db,
  userId: number,
  opts: { credentialStamp?: string | null; client: { ip: string; userAgent: string | null }; log: Logger; secondFactor?: boolean },
): Promise<Record<string, unknown>> {
  await limitTokenIssuance(userId, opts.log);
  const token = await issueApiToken(db, userId, opts.log, opts.client, { credentialStamp: opts.credentialStamp ?? undefined });
  // A token made by a sign-in that passed a second factor carries the step-up proof.
  if (opts.secondFactor) await db.$executeRaw`UPDATE "ApiToken" SET "secondFactorAt" = now() WHERE "keyHash" = ${hashApiToken(token)}`;
  return loginAnswer(db, userId, token);
}

/** 401 for an enrolled account after its password: no token yet, an mfa_token instead. */
export function mfaRequiredBody(step: SecondStep): Record<string, unknown> {
  return { detail: MFA_REQUIRED, mfa_required: true, mfa_token: step.token, methods: step.methods };
}
