import { z } from "zod";
import { commonReplies, contract, errorBody } from "@/lib/http/contract";
import { mfaTokenField, webAuthnOptions } from "../../shape";

export default contract({
  method: "POST",
  path: "/api/users/login/2fa/passkey/options/",
  summary: "The second step with a passkey, options: for the mfa_token's account (API), or this browser's pending step (cookie).",
  access: "anyone",
  request: { body: z.object({ mfa_token: mfaTokenField.optional() }), example: { mfa_token: "<opaque>" } },
  responses: {
    200: { description: "Request options for navigator.credentials.get().", body: webAuthnOptions },
    400: { description: "A spent, expired or dead sign-in step.", body: errorBody },
    ...commonReplies("error", { body: true, crossSite: true, limited: true }),
  },
});
