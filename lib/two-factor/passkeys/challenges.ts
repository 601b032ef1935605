import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { DomainError } from "../../errors";
import { PASSKEY_CHALLENGE_EXPIRED, PASSKEY_RESPONSE_REQUIRED } from "./messages";

// A WebAuthn ceremony's challenge: 32 random bytes, stored as SHA-256 with its purpose
// and (except for a sign-in with no username yet) the account it is bound to; 5 minutes,
// spent once by a conditional UPDATE before the response is verified.

export type CeremonyPurpose = "register" | "sign_in" | "second_step";

const hash = (challenge: string) => createHash("sha256").update(challenge, "utf8").digest("hex");

/**
 * The challenge's bytes, for @simplewebauthn's options (which send them base64url-encoded:
 * the form the browser signs and challengeOf reads back, whose hash is stored).
 */
export async function newChallenge(db: Db, purpose: CeremonyPurpose, userId: number | null): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(randomBytes(32));
  await db.$executeRaw`
    INSERT INTO "WebAuthnChallenge" ("challengeHash", "purpose", "userId", "expiresAt")
    VALUES (${hash(Buffer.from(bytes).toString("base64url"))}, ${purpose}, ${userId}, now() + interval '5 minutes')`;
  await db.$executeRaw`
    DELETE FROM "WebAuthnChallenge" WHERE "id" IN (SELECT "id" FROM "WebAuthnChallenge" WHERE "expiresAt" < now() - interval '1 hour' LIMIT 100)`;
  return bytes;
}

/** The challenge a response signed (from its clientDataJSON), or a 400. */
export function challengeOf(response: { response: { clientDataJSON: string } }): string {
  try {
    const data = JSON.parse(Buffer.from(response.response.clientDataJSON, "base64url").toString("utf8")) as { challenge?: unknown };
    if (typeof data.challenge === "string" && /^[A-Za-z0-9_-]{1,200}$/.test(data.challenge)) return data.challenge;
  } catch {
    // falls through to the refusal
  }
  throw new DomainError("passkey_invalid", PASSKEY_RESPONSE_REQUIRED, 400);
}

/**
 * Spends the challenge: it must exist, be unspent, unexpired, for this purpose and bound
 * to `userId` (null: only a sign_in challenge, answered with whoever it turns out to be).
 */
export async function spendChallenge(db: Db, challenge: string, purpose: CeremonyPurpose, userId: number | null): Promise<void> {
  const count = await db.$executeRaw`
    UPDATE "WebAuthnChallenge" SET "usedAt" = now()
    WHERE "challengeHash" = ${hash(challenge)} AND "purpose" = ${purpose} AND "usedAt" IS NULL AND "expiresAt" > now()
      AND "userId" IS NOT DISTINCT FROM ${userId}::int`;
  if (count !== 1) throw new DomainError("passkey_challenge_expired", PASSKEY_CHALLENGE_EXPIRED, 400);
}
