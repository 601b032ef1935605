import { generateRegistrationOptions, verifyRegistrationResponse, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import type { Db } from "../../db/client";
import { inTransaction } from "../../db/transaction";
import { DomainError } from "../../errors";
import { requireSignedIn } from "../../use-case/context";
import { parseInput } from "../../validation/parse";
import type { TwoFactorContext } from "../context";
import { recordTwoFactorChange } from "../notify";
import { challengeOf, newChallenge, spendChallenge } from "./challenges";
import { relyingParty, RP_NAME } from "./config";
import { PASSKEY_NOT_ACCEPTED } from "./messages";
import { asRegistration, registerPasskeySchema } from "./schemas";

/** "Add a passkey", step one: creation options for a discoverable credential with user verification. */
export async function passkeyRegistrationOptions(db: Db, userId: number): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { username: true, passkeys: { select: { credentialId: true } } } });
  const challenge = await newChallenge(db, "register", userId);
  return generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: relyingParty().rpID,
    userName: user.username,
    userID: new TextEncoder().encode(`user:${userId}`),
    challenge,
    attestationType: "none",
    excludeCredentials: user.passkeys.map((p) => ({ id: p.credentialId })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
}

/**
 * Step two: the browser's response, verified against the challenge bound to this account
 * (spent first), this site's origin and RP ID, with user verification. The credential id
 * is unique across accounts (the database refuses a second registration of it).
 */
export async function registerPasskey(input: unknown, ctx: TwoFactorContext): Promise<{ id: number; name: string }> {
  const userId = requireSignedIn(ctx).id;
  const { log } = ctx;
  const { name, response } = parseInput(registerPasskeySchema, input);
  const challenge = challengeOf(response);
  await spendChallenge(ctx.db, challenge, "register", userId);
  const { origin, rpID } = relyingParty();
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: asRegistration(response),
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    });
  } catch (err) {
    log.info({ event: "passkey.register_refused", userId, reason: (err as Error).message.replace(/"[^"]*"/g, '"…"').slice(0, 200) }, "passkey registration refused");
    throw new DomainError("passkey_invalid", PASSKEY_NOT_ACCEPTED, 400);
  }
  if (!verification.verified) throw new DomainError("passkey_invalid", PASSKEY_NOT_ACCEPTED, 400);
  const { credential, credentialBackedUp } = verification.registrationInfo;
  const created = await inTransaction(ctx.db, async (tx) => {
    const inserted = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "Passkey" ("userId", "credentialId", "publicKey", "counter", "transports", "name", "backedUp")
      VALUES (${userId}, ${credential.id}, ${Buffer.from(credential.publicKey)}, ${credential.counter}::bigint,
              ${(credential.transports ?? []).join(",").slice(0, 200) || null}, ${name}, ${credentialBackedUp})
      ON CONFLICT ("credentialId") DO NOTHING
      RETURNING "id"`;
    if (!inserted[0]) throw new DomainError("passkey_taken", PASSKEY_NOT_ACCEPTED, 400);
    await recordTwoFactorChange(tx, "two_factor.passkey_added", { userId, actorId: userId, details: { passkeyId: inserted[0].id } });
    return inserted[0];
  });
  log.info({ event: "two_factor.passkey_added", userId, passkeyId: created.id }, "passkey added");
  return { id: created.id, name };
}
