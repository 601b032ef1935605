import type { Db } from "../db/client";
import type { Tx } from "../db/transaction";
import { isTwoFactorRequired } from "./policy";
import { requireSignedIn, type UseCaseContext } from "../use-case/context";

export type Method = "totp" | "recovery_code" | "passkey";

/** Which second factors the account has (empty: none, so no second step). */
export async function secondFactorMethods(db: Db | Tx, userId: number): Promise<Method[]> {
  const rows = await db.$queryRaw<{ totp: boolean; codes: boolean; passkey: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "TotpCredential" WHERE "userId" = ${userId} AND "confirmedAt" IS NOT NULL) AS totp,
           EXISTS (SELECT 1 FROM "RecoveryCode" WHERE "userId" = ${userId} AND "usedAt" IS NULL) AS codes,
           EXISTS (SELECT 1 FROM "Passkey" WHERE "userId" = ${userId}) AS passkey`;
  const methods: Method[] = [];
  if (rows[0]?.totp) methods.push("totp");
  if (rows[0]?.totp && rows[0]?.codes) methods.push("recovery_code");
  if (rows[0]?.passkey) methods.push("passkey");
  return methods;
}

export interface TwoFactorStatus {
  totp: boolean;
  passkeys: number;
  recovery_codes_left: number;
  required: boolean;
}

/** GET /api/users/2fa/: the signed-in account's own status. No input. */
export async function twoFactorStatus(_input: unknown, ctx: UseCaseContext): Promise<TwoFactorStatus> {
  return twoFactorStatusOf(ctx.db, requireSignedIn(ctx).id);
}

/** One account's status, as the security page and the staff member page show it. */
export async function twoFactorStatusOf(db: Db, userId: number): Promise<TwoFactorStatus> {
  const [user, totp, left, passkeys] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { isStaff: true, profile: { select: { activeGuide: true } } } }),
    db.totpCredential.findUnique({ where: { userId }, select: { confirmedAt: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
    db.passkey.count({ where: { userId } }),
  ]);
  return {
    totp: !!totp?.confirmedAt,
    passkeys,
    recovery_codes_left: totp?.confirmedAt ? left : 0,
    required: isTwoFactorRequired({ isStaff: !!user?.isStaff, activeGuide: !!user?.profile?.activeGuide }),
  };
}
