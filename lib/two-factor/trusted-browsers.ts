import type { Db } from "../db/client";
import { hashOpaqueToken, newOpaqueToken, OPAQUE_TOKEN_PATTERN } from "./challenge/token";

// "Trust this browser for 30 days": the browser keeps a random token (cookie), the
// TrustedBrowser row its hash, bound to the account. Trust ends with the row: a password
// change (trigger in the migration), any 2FA change (recordTwoFactorChange) and
// "sign out everywhere".

export const TRUST_DAYS = 30;

export async function trustBrowser(db: Db, userId: number): Promise<string> {
  const token = newOpaqueToken();
  await db.$executeRaw`
    INSERT INTO "TrustedBrowser" ("userId", "tokenHash", "expiresAt")
    VALUES (${userId}, ${hashOpaqueToken(token)}, now() + make_interval(days => ${TRUST_DAYS}::int))`;
  await db.$executeRaw`DELETE FROM "TrustedBrowser" WHERE "userId" = ${userId} AND "expiresAt" <= now()`;
  return token;
}

export async function isTrustedBrowser(db: Db, userId: number, token: string | undefined): Promise<boolean> {
  if (!token || !OPAQUE_TOKEN_PATTERN.test(token)) return false;
  const row = await db.trustedBrowser.findFirst({ where: { userId, tokenHash: hashOpaqueToken(token), expiresAt: { gt: new Date() } }, select: { id: true } });
  return !!row;
}
