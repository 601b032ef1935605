import { inTransaction } from "../../db/transaction";
import { DomainError } from "../../errors";
import { logger } from "../../log/logger";
import { parseInput } from "../../validation/parse";
import { countCodeAttempt, forgetCodeAttempts } from "../attempts";
import type { TwoFactorContext } from "../context";
import { INVALID_CODE, MFA_TOKEN_EXPIRED } from "../messages";
import { mfaLoginSchema } from "../schemas";
import { spendCode, type CodeKind } from "../spend-code";
import { hashOpaqueToken, OPAQUE_TOKEN_PATTERN } from "./token";

export const MAX_CODE_FAILURES = 5;

export interface CompletedSignIn {
  userId: number;
  /** The first step's verified password hash (null after a magic link or Google). */
  credentialStamp: string | null;
  kind: CodeKind;
}

function expired(): DomainError {
  return new DomainError("mfa_token_expired", MFA_TOKEN_EXPIRED, 400);
}

/**
 * The second step: {mfa_token, code}. In one transaction the pending step is spent by a
 * conditional UPDATE (live, unspent, fewer than 5 failures) and the code by its own
 * (spendCode): both or neither. A wrong code rolls the spend back and counts a failure
 * on the step (the fifth kills it) and one on the account's code budget.
 */
export async function completeSecondStep(input: unknown, ctx: TwoFactorContext): Promise<CompletedSignIn> {
  const log = ctx.log ?? logger;
  const { mfa_token: token, code } = parseInput(mfaLoginSchema, input);
  if (!OPAQUE_TOKEN_PATTERN.test(token)) throw expired();
  const tokenHash = hashOpaqueToken(token);
  const found = await ctx.db.mfaChallenge.findUnique({ where: { tokenHash }, select: { id: true, userId: true, credentialStamp: true, spentAt: true, failures: true, expiresAt: true } });
  if (!found || found.spentAt || found.failures >= MAX_CODE_FAILURES || found.expiresAt <= new Date()) throw expired();
  const { id, userId } = found;
  await countCodeAttempt(userId, ctx.codeLimiter);

  const kind = await inTransaction(ctx.db, async (tx) => {
    const spent = await tx.$executeRaw`
      UPDATE "MfaChallenge" SET "spentAt" = now()
      WHERE "id" = ${id} AND "spentAt" IS NULL AND "expiresAt" > now() AND "failures" < ${MAX_CODE_FAILURES}`;
    if (spent !== 1) throw expired();
    const used = await spendCode(tx, userId, code);
    if (!used) throw new DomainError("invalid_code", INVALID_CODE, 400);
    return used;
  }).catch(async (err) => {
    if (err instanceof DomainError && err.code === "invalid_code") {
      await ctx.db.$executeRaw`
        UPDATE "MfaChallenge" SET "failures" = "failures" + 1 WHERE "id" = ${id} AND "spentAt" IS NULL AND "failures" < ${MAX_CODE_FAILURES}`;
      log.info({ event: "two_factor.code_refused", userId, during: "sign_in" }, "second step refused: wrong code");
    }
    throw err;
  });
  await forgetCodeAttempts(userId, ctx.codeLimiter);
  log.info({ event: "two_factor.verified", userId, kind }, "second step passed");
  return { userId, credentialStamp: found.credentialStamp, kind };
}
