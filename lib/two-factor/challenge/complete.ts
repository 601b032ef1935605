import type { Db } from "../../db/client";
import { inTransaction, type Tx } from "../../db/transaction";
import { DomainError } from "../../errors";
import { parseInput } from "../../validation/parse";
import { countCodeAttempt, forgetCodeAttempts } from "../attempts";
import type { TwoFactorContext } from "../context";
import { INVALID_CODE, MFA_TOKEN_EXPIRED } from "../messages";
import { mfaLoginSchema } from "../schemas";
import { spendCode, type CodeKind } from "../spend-code";
import { verifyPasskeyAssertion } from "../passkeys/authenticate";
import { hashOpaqueToken, OPAQUE_TOKEN_PATTERN } from "./token";

export const MAX_CODE_FAILURES = 5;

export interface CompletedSignIn {
  userId: number;
  /** The first step's verified password hash (null after a magic link or Google). */
  credentialStamp: string | null;
  kind: CodeKind | "passkey";
}

function expired(): DomainError {
  return new DomainError("mfa_token_expired", MFA_TOKEN_EXPIRED, 400);
}

/** The live pending step an mfa_token names (unspent, unexpired, fewer than 5 failures), or a 400. */
export async function livePendingStep(ctx: TwoFactorContext, token: unknown) {
  if (typeof token !== "string" || !OPAQUE_TOKEN_PATTERN.test(token)) throw expired();
  const found = await ctx.db.mfaChallenge.findUnique({
    where: { tokenHash: hashOpaqueToken(token) },
    select: { id: true, userId: true, credentialStamp: true, spentAt: true, failures: true, expiresAt: true },
  });
  if (!found || found.spentAt || found.failures >= MAX_CODE_FAILURES || found.expiresAt <= new Date()) throw expired();
  return found;
}

/** Spends the pending step `id` (conditional UPDATE), or a 400 when it died meanwhile. */
async function spendPendingStep(db: Db | Tx, id: number): Promise<void> {
  const spent = await db.$executeRaw`
    UPDATE "MfaChallenge" SET "spentAt" = now()
    WHERE "id" = ${id} AND "spentAt" IS NULL AND "expiresAt" > now() AND "failures" < ${MAX_CODE_FAILURES}`;
  if (spent !== 1) throw expired();
}

async function countFailure(ctx: TwoFactorContext, id: number): Promise<void> {
  await ctx.db.$executeRaw`
    UPDATE "MfaChallenge" SET "failures" = "failures" + 1 WHERE "id" = ${id} AND "spentAt" IS NULL AND "failures" < ${MAX_CODE_FAILURES}`;
}

/**
 * The second step with a passkey ({mfa_token, response}): the assertion must come from
 * one of this account's passkeys (verifyPasskeyAssertion), then the step is spent. A
 * refused passkey counts as a wrong code.
 */
export async function completeSecondStepWithPasskey(input: unknown, ctx: TwoFactorContext): Promise<CompletedSignIn> {
  const { log } = ctx;
  const body = (typeof input === "object" && input !== null ? input : {}) as { mfa_token?: unknown; response?: unknown };
  const found = await livePendingStep(ctx, body.mfa_token);
  await countCodeAttempt(found.userId, ctx.codeLimiter);
  try {
    await verifyPasskeyAssertion(ctx.db, { response: body.response }, { purpose: "second_step", userId: found.userId, log });
  } catch (err) {
    if (err instanceof DomainError && err.code === "passkey_invalid") await countFailure(ctx, found.id);
    throw err;
  }
  await spendPendingStep(ctx.db, found.id);
  await forgetCodeAttempts(found.userId, ctx.codeLimiter);
  log.info({ event: "two_factor.verified", userId: found.userId, kind: "passkey" }, "second step passed");
  return { userId: found.userId, credentialStamp: found.credentialStamp, kind: "passkey" };
}

/**
 * The second step: {mfa_token, code}. In one transaction the pending step is spent by a
 * conditional UPDATE (live, unspent, fewer than 5 failures) and the code by its own
 * (spendCode): both or neither. A wrong code rolls the spend back and counts a failure
 * on the step (the fifth kills it) and one on the account's code budget.
 */
export async function completeSecondStep(input: unknown, ctx: TwoFactorContext): Promise<CompletedSignIn> {
  const { log } = ctx;
  const { mfa_token: token, code } = parseInput(mfaLoginSchema, input);
  const found = await livePendingStep(ctx, token);
  const { id, userId } = found;
  await countCodeAttempt(userId, ctx.codeLimiter);

  const kind = await inTransaction(ctx.db, async (tx) => {
    await spendPendingStep(tx, id);
    const used = await spendCode(tx, userId, code);
    if (!used) throw new DomainError("invalid_code", INVALID_CODE, 400);
    return used;
  }).catch(async (err) => {
    if (err instanceof DomainError && err.code === "invalid_code") {
      await countFailure(ctx, id);
      log.info({ event: "two_factor.code_refused", userId, during: "sign_in" }, "second step refused: wrong code");
    }
    throw err;
  });
  await forgetCodeAttempts(userId, ctx.codeLimiter);
  log.info({ event: "two_factor.verified", userId, kind }, "second step passed");
  return { userId, credentialStamp: found.credentialStamp, kind };
}
