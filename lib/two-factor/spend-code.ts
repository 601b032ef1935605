import type { Db } from "../db/client";
import type { Tx } from "../db/transaction";
import { hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes/codes";
import { openTotpSecret } from "./totp/seal";
import { totpStep } from "./totp/totp";

export type CodeKind = "totp" | "recovery_code";

/**
 * Spends `code` for `userId`: a 6-digit authenticator code (accepted once: the stored
 * step must be older, in the same UPDATE that stores the new one) or an unused recovery
 * code (one UPDATE that marks it used only if it was not). Both are single statements,
 * so two requests with the same code cannot both succeed, on any number of workers.
 * Null when the code is wrong, reused or the account has no such factor.
 * `pending`: check against a set-up authenticator not confirmed yet (its first code).
 */
export async function spendCode(db: Db | Tx, userId: number, code: string, opts: { pending?: boolean } = {}): Promise<CodeKind | null> {
  const typed = code.replace(/\s/g, "");
  if (/^\d{6}$/.test(typed)) {
    const row = await db.totpCredential.findUnique({ where: { userId }, select: { secretCiphertext: true, confirmedAt: true } });
    if (!row || (row.confirmedAt === null) !== !!opts.pending) return null;
    const step = totpStep(openTotpSecret(userId, row.secretCiphertext), typed);
    if (step === null) return null;
    const confirm = !!opts.pending;
    const count = await db.$executeRaw`
      UPDATE "TotpCredential" SET "lastUsedStep" = ${step}::bigint,
             "confirmedAt" = CASE WHEN ${confirm}::boolean THEN now() ELSE "confirmedAt" END
      WHERE "userId" = ${userId} AND "lastUsedStep" < ${step}::bigint
        AND (("confirmedAt" IS NULL) = ${confirm}::boolean)`;
    return count === 1 ? "totp" : null;
  }
  if (opts.pending) return null;
  const normalized = normalizeRecoveryCode(typed);
  if (!normalized) return null;
  const count = await db.$executeRaw`
    UPDATE "RecoveryCode" SET "usedAt" = now()
    WHERE "userId" = ${userId} AND "codeHash" = ${hashRecoveryCode(userId, normalized)} AND "usedAt" IS NULL`;
  return count === 1 ? "recovery_code" : null;
}
