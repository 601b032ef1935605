import { z } from "zod";
import { commonReplies, contract, errorBody } from "@/lib/http/contract";
import { passkeySignInSchema } from "@/lib/two-factor/passkeys/schemas";
import { loginReply } from "../../contract";
import { mfaTokenField, signedInReply } from "../shape";

export default contract({
  method: "POST",
  path: "/api/users/login/2fa/passkey/",
  summary: "The second step with a passkey: {mfa_token, response} gives the login answer; a browser's pending step, {response, trust?}, a session.",
  access: "anyone",
  request: {
    body: z.object({ mfa_token: mfaTokenField.optional(), response: passkeySignInSchema.shape.response, trust: z.boolean().optional() }),
  },
  responses: {
    200: { description: "The login answer (API), or {\"detail\": \"Signed in.\"} with a session cookie (the browser).", body: loginReply.or(signedInReply) },
    400: { description: "An assertion that does not verify; a spent, expired or dead sign-in step.", body: errorBody },
    ...commonReplies("error", { body: true, crossSite: true, limited: true }),
  },
});
