import { z } from "zod";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { BODY_NOT_OBJECT } from "../messages";
import { PASSKEY_NAME_REQUIRED, PASSKEY_RESPONSE_REQUIRED } from "./messages";

// The browser's WebAuthn response as @simplewebauthn/browser sends it. Only its outline
// is checked here (bounded strings); @simplewebauthn/server verifies the contents.

const b64 = z.string({ error: PASSKEY_RESPONSE_REQUIRED }).max(20_000, PASSKEY_RESPONSE_REQUIRED).regex(/^[A-Za-z0-9_-]*={0,2}$/, PASSKEY_RESPONSE_REQUIRED);
const outline = (inner: z.ZodRawShape) =>
  z.looseObject(
    { id: b64, rawId: b64, type: z.literal("public-key", { error: PASSKEY_RESPONSE_REQUIRED }), response: z.looseObject({ clientDataJSON: b64, ...inner }, { error: PASSKEY_RESPONSE_REQUIRED }) },
    { error: PASSKEY_RESPONSE_REQUIRED },
  );

const registration = outline({ attestationObject: b64 });
const authentication = outline({ authenticatorData: b64, signature: b64 });

export const registerPasskeySchema = z.object(
  { name: z.string({ error: PASSKEY_NAME_REQUIRED }).trim().min(1, PASSKEY_NAME_REQUIRED).max(100, PASSKEY_NAME_REQUIRED), response: registration },
  { error: BODY_NOT_OBJECT },
);
export const passkeySignInSchema = z.object({ response: authentication }, { error: BODY_NOT_OBJECT });

export const asRegistration = (r: z.output<typeof registration>) => r as unknown as RegistrationResponseJSON;
export const asAuthentication = (r: z.output<typeof authentication>) => r as unknown as AuthenticationResponseJSON;
