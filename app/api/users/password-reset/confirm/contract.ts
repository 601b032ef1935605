import { commonReplies, contract, errorBody, fieldErrors, messageBody } from "@/lib/http/contract";
import { resetConfirmSchema } from "@/lib/password-reset/schema";

export default contract({
  method: "POST",
  path: "/api/users/password-reset/confirm/",
  summary: "Set a new password with the emailed link's uid and token (single use); every session and token ends.",
  access: "anyone",
  request: { body: resetConfirmSchema, form: true, example: { uid: "MTI", token: "<from the link>", new_password: "a new long one" } },
  responses: {
    200: { description: "Reset.", body: messageBody, example: { message: "Password has been reset successfully." } },
    400: {
      description: "A refused password in Django REST framework's field shape, or an unusable link as {\"error\"}.",
      body: fieldErrors.or(errorBody),
      example: { error: "Invalid or expired password reset link." },
    },
    ...commonReplies("error", { body: true }),
  },
});
