import { inTransaction } from "../db/transaction";
import type { Tx } from "../db/transaction";
import { DomainError } from "../errors";
import { requireSignedIn } from "../use-case/context";
import { parseInput } from "../validation/parse";
import { countCodeAttempt, forgetCodeAttempts } from "./attempts";
import type { TwoFactorContext } from "./context";
import { INVALID_CODE, TWO_FACTOR_OFF } from "./messages";
import { recordTwoFactorChange } from "./notify";
import { checkOwnPassword } from "./password-check";
import { passwordAndCodeSchema } from "./schemas";
import { spendCode } from "./spend-code";
import { secondFactorMethods } from "./status";

/** Deletes every second factor of the account (authenticator, recovery codes, pending steps). */
export async function removeSecondFactors(tx: Tx, userId: number): Promise<void> {
  await tx.totpCredential.deleteMany({ where: { userId } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.mfaChallenge.deleteMany({ where: { userId } });
}

/** Turning 2FA off needs the password and a current code (authenticator or recovery). */
export async function disableTwoFactor(input: unknown, ctx: TwoFactorContext): Promise<void> {
  const userId = requireSignedIn(ctx).id;
  const { log } = ctx;
  const { password, code } = parseInput(passwordAndCodeSchema, input);
  if (!(await secondFactorMethods(ctx.db, userId)).includes("totp")) throw new DomainError("two_factor_off", TWO_FACTOR_OFF, 400);
  await checkOwnPassword(ctx, userId, password);
  await countCodeAttempt(userId, ctx.codeLimiter);
  const done = await inTransaction(ctx.db, async (tx) => {
    if (!(await spendCode(tx, userId, code))) return false;
    await removeSecondFactors(tx, userId);
    await recordTwoFactorChange(tx, "two_factor.disabled", { userId, actorId: userId });
    return true;
  });
  if (!done) {
    log.info({ event: "two_factor.code_refused", userId, during: "disable" }, "code refused");
    throw new DomainError("invalid_code", INVALID_CODE, 400);
  }
  await forgetCodeAttempts(userId, ctx.codeLimiter);
  log.info({ event: "two_factor.disabled", userId }, "two-factor authentication turned off");
}
