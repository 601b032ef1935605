import { z } from "zod";
import { commonReplies, contract, errorBody } from "@/lib/http/contract";
import { passwordAndCodeSchema } from "@/lib/two-factor/schemas";

export default contract({
  method: "POST",
  path: "/api/users/2fa/disable/",
  summary: "Turn two-factor off (password and a code).",
  access: "member",
  request: { body: passwordAndCodeSchema, form: true, example: { password: "the account's password", code: "123456" } },
  responses: {
    200: {
      description: "Off.",
      body: z.strictObject({ detail: z.string() }).meta({ id: "TwoFactorOff" }),
      example: { detail: "Two-factor authentication is off." },
    },
    400: { description: "Wrong password or code.", body: errorBody, example: { error: "Invalid code." } },
    ...commonReplies("error", { access: "member", body: true, limited: true }),
  },
});
