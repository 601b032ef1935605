import { createHmac, randomInt } from "node:crypto";
import type { Tx } from "../../db/transaction";
import { mfaEncryptionKey } from "../totp/encryption-key";

// Ten codes of 10 characters (Crockford's base32, ~50 bits each), shown once as
// "xxxxx-xxxxx". Stored as HMAC-SHA256 under the MFA key with the user id, so neither a
// database dump alone nor a code copied between accounts gets anywhere.

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

function newCode(): string {
  let raw = "";
  for (let i = 0; i < 10; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/** Case, spaces and dashes do not matter; o/i/l read as 0/1/1 (Crockford). Null: cannot be a recovery code. */
export function normalizeRecoveryCode(input: string): string | null {
  const s = input.toLowerCase().replace(/[\s-]/g, "").replace(/o/g, "0").replace(/[il]/g, "1");
  return /^[0-9a-hjkmnp-tv-z]{10}$/.test(s) ? s : null;
}

export function hashRecoveryCode(userId: number, normalized: string): string {
  return createHmac("sha256", mfaEncryptionKey()).update(`recovery:${userId}:${normalized}`).digest("hex");
}

/** Replaces the account's recovery codes with ten new ones (in the caller's transaction); returns them, the only time they exist in clear. */
export async function replaceRecoveryCodes(tx: Tx, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(userId, normalizeRecoveryCode(c)!) })) });
  return codes;
}
