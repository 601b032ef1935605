import { z } from "zod";
import { mfaLoginSchema } from "@/lib/two-factor/schemas";

/** The first step's answer for an account with a second factor (lib/two-factor/challenge/api-login-answer.ts). */
export const mfaRequiredReply = z
  .strictObject({
    detail: z.string(),
    mfa_required: z.literal(true),
    mfa_token: z.string().meta({ description: "for POST /api/users/login/2fa/ (or its passkey form)" }),
    methods: z.array(z.enum(["totp", "recovery_code", "passkey"])),
  })
  .meta({ id: "MfaRequired" });

export const mfaRequiredExample = { detail: "Two-factor authentication required.", mfa_required: true, mfa_token: "<opaque>", methods: ["totp", "recovery_code"] };

/** WebAuthn options as @simplewebauthn/server writes them (the browser library reads them whole). */
export const webAuthnOptions = z.looseObject({ challenge: z.string() }).meta({ id: "WebAuthnOptions" });

/** {"detail": "Signed in."}: the site itself got a session cookie instead of a token. */
export const signedInReply = z.strictObject({ detail: z.literal("Signed in.") }).meta({ id: "SignedIn" });

export const mfaTokenField = mfaLoginSchema.shape.mfa_token;
