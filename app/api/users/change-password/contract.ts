import { commonReplies, contract, detailBody, fieldErrors, messageBody } from "@/lib/http/contract";
import { changePasswordSchema } from "@/lib/users/change-password-schema";

export default contract({
  method: "POST",
  path: "/api/users/change-password/",
  summary: "Change one's password; every other session and token ends, the one making the change stays.",
  access: "member",
  request: { body: changePasswordSchema, form: true, example: { current_password: "old one", new_password: "a new long one", confirm_new_password: "a new long one" } },
  responses: {
    200: { description: "Changed.", body: messageBody, example: { message: "Password changed successfully." } },
    400: {
      description: "Field errors in Django REST framework's shape, or another refusal as {\"detail\"}.",
      body: fieldErrors.or(detailBody),
      example: { current_password: ["Current password is incorrect."] },
    },
    ...commonReplies("detail", { access: "member", body: true, limited: true }),
  },
});
