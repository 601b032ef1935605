import { inTransaction } from "../../db/transaction";
import { DomainError } from "../../errors";
import { requireSignedIn } from "../../use-case/context";
import { parseInput } from "../../validation/parse";
import { countCodeAttempt, forgetCodeAttempts } from "../attempts";
import type { TwoFactorContext } from "../context";
import { INVALID_CODE, TWO_FACTOR_OFF } from "../messages";
import { recordTwoFactorChange } from "../notify";
import { codeOnlySchema } from "../schemas";
import { spendCode } from "../spend-code";
import { secondFactorMethods } from "../status";
import { replaceRecoveryCodes } from "./codes";

/** Ten new recovery codes for a current code (authenticator or recovery); the old ones die in the same transaction. */
export async function regenerateRecoveryCodes(input: unknown, ctx: TwoFactorContext): Promise<{ recoveryCodes: string[] }> {
  const userId = requireSignedIn(ctx).id;
  const { log } = ctx;
  const { code } = parseInput(codeOnlySchema, input);
  if (!(await secondFactorMethods(ctx.db, userId)).includes("totp")) throw new DomainError("two_factor_off", TWO_FACTOR_OFF, 400);
  await countCodeAttempt(userId, ctx.codeLimiter);
  const recoveryCodes = await inTransaction(ctx.db, async (tx) => {
    if (!(await spendCode(tx, userId, code))) return null;
    const codes = await replaceRecoveryCodes(tx, userId);
    await recordTwoFactorChange(tx, "two_factor.recovery_codes_regenerated", { userId, actorId: userId });
    return codes;
  });
  if (!recoveryCodes) {
    log.info({ event: "two_factor.code_refused", userId, during: "regenerate" }, "code refused");
    throw new DomainError("invalid_code", INVALID_CODE, 400);
  }
  await forgetCodeAttempts(userId, ctx.codeLimiter);
  log.info({ event: "two_factor.recovery_codes_regenerated", userId }, "recovery codes regenerated");
  return { recoveryCodes };
}
