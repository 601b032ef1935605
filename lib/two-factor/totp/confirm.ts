import { inTransaction } from "../../db/transaction";
import { DomainError } from "../../errors";
import { requireSignedIn } from "../../use-case/context";
import { parseInput } from "../../validation/parse";
import { countCodeAttempt, forgetCodeAttempts } from "../attempts";
import type { TwoFactorContext } from "../context";
import { INVALID_CODE, TOTP_ALREADY_ON, TOTP_NOT_STARTED } from "../messages";
import { recordTwoFactorChange } from "../notify";
import { replaceRecoveryCodes } from "../recovery-codes/codes";
import { codeOnlySchema } from "../schemas";
import { spendCode } from "../spend-code";

/**
 * Step two: a correct code from the app turns the authenticator on and answers ten
 * recovery codes, shown this once. The code's step is stored by the same UPDATE that
 * confirms (so it cannot sign in again), in one transaction with the codes, the audit
 * row and the email: a failure leaves the set-up pending, nothing half-made.
 */
export async function confirmTotp(input: unknown, ctx: TwoFactorContext): Promise<{ recoveryCodes: string[] }> {
  const userId = requireSignedIn(ctx).id;
  const { log } = ctx;
  const { code } = parseInput(codeOnlySchema, input);
  const row = await ctx.db.totpCredential.findUnique({ where: { userId }, select: { confirmedAt: true } });
  if (!row) throw new DomainError("totp_not_started", TOTP_NOT_STARTED, 400);
  if (row.confirmedAt) throw new DomainError("totp_already_on", TOTP_ALREADY_ON, 400);
  await countCodeAttempt(userId, ctx.codeLimiter);
  const recoveryCodes = await inTransaction(ctx.db, async (tx) => {
    if (!(await spendCode(tx, userId, code, { pending: true }))) return null;
    const codes = await replaceRecoveryCodes(tx, userId);
    await recordTwoFactorChange(tx, "two_factor.enabled", { userId, actorId: userId, details: { method: "totp" } });
    return codes;
  });
  if (!recoveryCodes) {
    log.info({ event: "two_factor.code_refused", userId, during: "confirm" }, "authenticator code refused");
    throw new DomainError("invalid_code", INVALID_CODE, 400);
  }
  await forgetCodeAttempts(userId, ctx.codeLimiter);
  log.info({ event: "two_factor.enabled", userId, method: "totp" }, "two-factor authentication turned on");
  return { recoveryCodes };
}
