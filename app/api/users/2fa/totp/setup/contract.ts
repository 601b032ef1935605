import { z } from "zod";
import { commonReplies, contract, errorBody } from "@/lib/http/contract";
import { passwordOnlySchema } from "@/lib/two-factor/schemas";

export default contract({
  method: "POST",
  path: "/api/users/2fa/totp/setup/",
  summary: "Start an authenticator app: a new secret, not in force until confirmed with a code.",
  access: "member",
  request: { body: passwordOnlySchema, form: true, example: { password: "the account's password" } },
  responses: {
    200: {
      description: "The secret and its otpauth:// address (for a QR code).",
      body: z.strictObject({ secret: z.string(), otpauth_url: z.string() }).meta({ id: "TotpSetup" }),
      example: { secret: "JBSWY3DPEHPK3PXP", otpauth_url: "otpauth://totp/Zporta%20Academy:ada?secret=JBSWY3DPEHPK3PXP&issuer=Zporta%20Academy" },
    },
    400: { description: "Wrong password, or already on.", body: errorBody, example: { error: "The password is incorrect." } },
    ...commonReplies("error", { access: "member", body: true, limited: true }),
  },
});
