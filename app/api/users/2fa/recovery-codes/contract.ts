import { commonReplies, contract, errorBody } from "@/lib/http/contract";
import { codeOnlySchema } from "@/lib/two-factor/schemas";
import { recoveryCodesExample, recoveryCodesReply } from "./shape";

export default contract({
  method: "POST",
  path: "/api/users/2fa/recovery-codes/",
  summary: "New recovery codes (an authenticator code proves it); the old ones stop working.",
  access: "member",
  request: { body: codeOnlySchema, form: true, example: { code: "123456" } },
  responses: {
    200: { description: "10 new codes.", body: recoveryCodesReply, example: recoveryCodesExample },
    400: { description: "Wrong code.", body: errorBody, example: { error: "Invalid code." } },
    ...commonReplies("error", { access: "member", body: true, limited: true }),
  },
});
