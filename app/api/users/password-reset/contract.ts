import { commonReplies, contract, fieldErrors, messageBody } from "@/lib/http/contract";
import { resetRequestSchema } from "@/lib/password-reset/schema";

export default contract({
  method: "POST",
  path: "/api/users/password-reset/",
  summary: "Email a password reset link; the same answer for every address.",
  access: "anyone",
  request: { body: resetRequestSchema, form: true, example: { email: "ada@example.com" } },
  responses: {
    200: { description: "Sent, if an account has that address.", body: messageBody, example: { message: "If an account exists for this email, a password reset link has been sent." } },
    400: { description: "Not an email address (Django REST framework's field shape).", body: fieldErrors, example: { email: ["Enter a valid email address."] } },
    ...commonReplies("error", { body: true, crossSite: true, limited: true }),
  },
});
