import { z } from "zod";
import { BODY_NOT_OBJECT, CODE_REQUIRED, PASSWORD_REQUIRED } from "./messages";

// The inputs of the two-factor use cases. Lengths are bounded so a huge value is a 400,
// never a hash of megabytes.

const password = z.string({ error: PASSWORD_REQUIRED }).min(1, PASSWORD_REQUIRED).max(4096, PASSWORD_REQUIRED);
const code = z.string({ error: CODE_REQUIRED }).trim().min(1, CODE_REQUIRED).max(64, CODE_REQUIRED);

export const passwordOnlySchema = z.object({ password }, { error: BODY_NOT_OBJECT });
export const codeOnlySchema = z.object({ code }, { error: BODY_NOT_OBJECT });
export const passwordAndCodeSchema = z.object({ password, code }, { error: BODY_NOT_OBJECT });
export const mfaLoginSchema = z.object(
  { mfa_token: z.string({ error: "mfa_token is required." }).min(1, "mfa_token is required.").max(200, "mfa_token is not valid."), code },
  { error: BODY_NOT_OBJECT },
);
