import QRCode from "qrcode";
import { DomainError } from "../../errors";
import { requireSignedIn } from "../../use-case/context";
import { parseInput } from "../../validation/parse";
import type { TwoFactorContext } from "../context";
import { TOTP_ALREADY_ON } from "../messages";
import { checkOwnPassword } from "../password-check";
import { passwordOnlySchema } from "../schemas";
import { sealTotpSecret } from "./seal";
import { newTotpSecret, otpauthUrl } from "./totp";

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

/**
 * Step one of "Set up an authenticator app": the password, then a new secret sealed in
 * the account's TotpCredential row, not yet a factor (confirmedAt NULL) until a code
 * proves the app has it. Starting again replaces an unconfirmed secret; a confirmed one
 * is never overwritten (the guarded upsert changes no row, and the answer says so).
 */
export async function setupTotp(input: unknown, ctx: TwoFactorContext): Promise<TotpSetup> {
  const userId = requireSignedIn(ctx).id;
  const { log } = ctx;
  const { password } = parseInput(passwordOnlySchema, input);
  await checkOwnPassword(ctx, userId, password);
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: userId }, select: { username: true } });
  const secret = newTotpSecret();
  const sealed = sealTotpSecret(userId, secret);
  const written = await ctx.db.$executeRaw`
    INSERT INTO "TotpCredential" ("userId", "secretCiphertext") VALUES (${userId}, ${sealed})
    ON CONFLICT ("userId") DO UPDATE SET "secretCiphertext" = EXCLUDED."secretCiphertext", "lastUsedStep" = 0, "createdAt" = now()
    WHERE "TotpCredential"."confirmedAt" IS NULL`;
  if (written !== 1) throw new DomainError("totp_already_on", TOTP_ALREADY_ON, 400);
  log.info({ event: "two_factor.totp_setup_started", userId }, "authenticator set-up started");
  return { secret, otpauthUrl: otpauthUrl(secret, user.username) };
}

/** The otpauth URL as an SVG QR code (rendered on the server: the page works without JavaScript). */
export function qrCodeSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
