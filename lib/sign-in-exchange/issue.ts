import type { Db } from "../db/client";
import type { Tx } from "../db/transaction";
import { EXCHANGE_CODE_TTL_SECONDS, hashExchangeCode, newExchangeCode } from "./code";

/**
 * A new exchange code for `userId`, to be swapped from `origin` only. The account's
 * current password hash is stamped on it (as a token issued at sign-in is), so a
 * password change or reset before the swap makes it worthless. An inactive account
 * gets none (the insert selects nothing). Returns the code, or null.
 */
export async function issueExchangeCode(db: Db | Tx, userId: number, origin: string): Promise<string | null> {
  const code = newExchangeCode();
  const inserted = await db.$executeRaw`
    INSERT INTO "SignInExchangeCode" ("userId", "codeHash", "credentialStamp", "origin", "expiresAt")
    SELECT u."id", ${hashExchangeCode(code)}, encode(sha256(convert_to(u."passwordHash", 'UTF8')), 'hex'), ${origin},
           now() + make_interval(secs => ${EXCHANGE_CODE_TTL_SECONDS}::int)
    FROM "User" u WHERE u."id" = ${userId} AND u."isActive"`;
  // Spent and expired codes of the account are of no use to anyone: swept in passing.
  await db.$executeRaw`DELETE FROM "SignInExchangeCode" WHERE "userId" = ${userId} AND ("usedAt" IS NOT NULL OR "expiresAt" <= now())`;
  return inserted === 1 ? code : null;
}
