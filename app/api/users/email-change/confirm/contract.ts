import { emailChangeLinkBody } from "@/lib/email-change/schema";
import { commonReplies, contract, errorBody } from "@/lib/http/contract";
import { z } from "zod";

export default contract({
  method: "POST",
  path: "/api/users/email-change/confirm/",
  summary: "Press the new address's link (uid and token from /change-email/<uid>/<token>/): the account's address becomes the new one, proven; once.",
  access: "anyone",
  request: { body: emailChangeLinkBody, form: true, example: { uid: "MTI", token: "<from the link>" } },
  responses: {
    200: { description: "Changed.", body: z.strictObject({ message: z.string(), email: z.string() }), example: { message: "Your email address has been changed.", email: "new@example.com" } },
    400: { description: "An unusable link (spent, expired, or the password or address changed since).", body: errorBody, example: { error: "This email change link is invalid or has expired." } },
    409: { description: "The new address belongs to another account by now; nothing changed and the link stays usable.", body: errorBody, example: { error: "Email already registered." } },
    ...commonReplies("error", { body: true }),
  },
});
