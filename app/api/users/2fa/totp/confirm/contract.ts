import { commonReplies, contract, errorBody } from "@/lib/http/contract";
import { codeOnlySchema } from "@/lib/two-factor/schemas";
import { recoveryCodesExample, recoveryCodesReply } from "../../recovery-codes/shape";

export default contract({
  method: "POST",
  path: "/api/users/2fa/totp/confirm/",
  summary: "Confirm the authenticator with a code: two-factor is on; the recovery codes are shown this once.",
  access: "member",
  request: { body: codeOnlySchema, form: true, example: { code: "123456" } },
  responses: {
    200: { description: "On, with 10 recovery codes.", body: recoveryCodesReply, example: recoveryCodesExample },
    400: { description: "Wrong code.", body: errorBody, example: { error: "Invalid code." } },
    ...commonReplies("error", { access: "member", body: true, limited: true }),
  },
});
