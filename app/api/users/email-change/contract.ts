import { requestEmailChangeSchema } from "@/lib/email-change/schema";
import { commonReplies, contract, detailBody, fieldErrors } from "@/lib/http/contract";
import { z } from "zod";

export default contract({
  method: "POST",
  path: "/api/users/email-change/",
  summary: "Ask to move one's account to another address: a link goes to the new address, a notice to the current one; nothing changes until the link is pressed.",
  access: "member",
  request: { body: requestEmailChangeSchema, form: true, example: { new_email: "new@example.com", password: "the current one" } },
  responses: {
    200: {
      description: "The link was sent (or, within the mail interval, the one already sent stands).",
      body: z.strictObject({ message: z.string(), sent_to: z.string() }),
      example: { message: "We sent a link to the new address. Open it to confirm; until then your email address stays the same.", sent_to: "new@example.com" },
    },
    400: {
      description: "A refused field in Django REST framework's shape (new_email, password), or another refusal as {\"detail\"} (a wrong step-up code, an account without an address).",
      body: fieldErrors.or(detailBody),
      example: { new_email: ["Email already registered."] },
    },
    403: { description: "Two-factor is on and this session's second factor is not recent: send \"code\", or sign in again with a passkey.", body: detailBody },
    ...commonReplies("detail", { access: "member", body: true, limited: true }),
  },
});
