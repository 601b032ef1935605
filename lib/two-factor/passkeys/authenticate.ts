import { generateAuthenticationOptions, verifyAuthenticationResponse, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { AuthenticatorTransportFuture } from "@simplewebauthn/server";
import type { Db } from "../../db/client";
import { DomainError } from "../../errors";
import type { Logger } from "../../log/logger";
import { challengeOf, newChallenge, spendChallenge, type CeremonyPurpose } from "./challenges";
import { relyingParty } from "./config";
import { PASSKEY_NOT_ACCEPTED } from "./messages";
import { asAuthentication, passkeySignInSchema } from "./schemas";
import { parseInput } from "../../validation/parse";

/**
 * Request options: for a sign-in with no username (discoverable credentials, also the
 * username field's autofill), or for the second step of `userId` (their passkeys only).
 */
export async function passkeyRequestOptions(db: Db, purpose: "sign_in" | "second_step", userId: number | null): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const allow = userId === null ? [] : await db.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
  const challenge = await newChallenge(db, purpose, userId);
  return generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    challenge,
    userVerification: purpose === "sign_in" ? "required" : "preferred",
    allowCredentials: allow.map((p) => ({ id: p.credentialId, transports: (p.transports?.split(",").filter(Boolean) ?? []) as AuthenticatorTransportFuture[] })),
  });
}

function refused(log: Logger | undefined, reason: string, userId?: number): DomainError {
  log?.info({ event: "passkey.refused", reason, userId }, "passkey refused");
  return new DomainError("passkey_invalid", PASSKEY_NOT_ACCEPTED, 400);
}

/**
 * Verifies a passkey assertion: the challenge (spent first, for `purpose` and `userId`),
 * this site's origin and RP ID, the stored public key, user verification for a sign-in
 * (a passkey with it is both factors), and the signature counter, which a conditional
 * UPDATE moves only forward (a replayed or cloned authenticator's lower count is refused,
 * and of two simultaneous uses of one assertion only one passes). Answers the account.
 */
export async function verifyPasskeyAssertion(
  db: Db,
  input: unknown,
  opts: { purpose: CeremonyPurpose; userId: number | null; log?: Logger },
): Promise<{ userId: number; passkeyId: number }> {
  const { response } = parseInput(passkeySignInSchema, input);
  const challenge = challengeOf(response);
  await spendChallenge(db, challenge, opts.purpose, opts.userId);
  const passkey = await db.passkey.findUnique({ where: { credentialId: response.id }, select: { id: true, userId: true, publicKey: true, counter: true, transports: true } });
  if (!passkey) throw refused(opts.log, "unknown_credential");
  if (opts.userId !== null && passkey.userId !== opts.userId) throw refused(opts.log, "foreign_credential", opts.userId);
  const { origin, rpID } = relyingParty();
  let result;
  try {
    result = await verifyAuthenticationResponse({
      response: asAuthentication(response),
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: { id: response.id, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.counter) },
      requireUserVerification: opts.purpose === "sign_in",
    });
  } catch (err) {
    // The library's sentence names what did not match; the quoted values (challenges,
    // origins a client sent) stay out of the log.
    throw refused(opts.log, (err as Error).message.replace(/"[^"]*"/g, '"…"').slice(0, 200), passkey.userId);
  }
  if (!result.verified) throw refused(opts.log, "not_verified", passkey.userId);
  const next = result.authenticationInfo.newCounter;
  // Authenticators that keep no counter report 0 every time; any other must grow.
  const moved = await db.$executeRaw`
    UPDATE "Passkey" SET "counter" = ${next}::bigint, "lastUsedAt" = now()
    WHERE "id" = ${passkey.id} AND ("counter" < ${next}::bigint OR ("counter" = 0 AND ${next}::bigint = 0))`;
  if (moved !== 1) throw refused(opts.log, "counter_not_increased", passkey.userId);
  return { userId: passkey.userId, passkeyId: passkey.id };
}
