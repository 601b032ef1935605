import { commonReplies, contract, errorBody } from "@/lib/http/contract";
import { mfaLoginSchema } from "@/lib/two-factor/schemas";
import { loginExample, loginReply } from "../contract";

export default contract({
  method: "POST",
  path: "/api/users/login/2fa/",
  summary: "The token login's second step: the mfa_token from the 401 and an authenticator or recovery code.",
  access: "anyone",
  request: { body: mfaLoginSchema, form: true, example: { mfa_token: "<opaque>", code: "123456" } },
  responses: {
    200: { description: "Signed in: the login answer.", body: loginReply, example: loginExample },
    400: { description: "Wrong code; a spent, expired or dead mfa_token.", body: errorBody, example: { error: "This sign-in has expired or was already used. Sign in again." } },
    ...commonReplies("error", { body: true, crossSite: true, limited: true }),
  },
});
