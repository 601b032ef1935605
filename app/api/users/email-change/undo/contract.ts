import { emailChangeLinkBody } from "@/lib/email-change/schema";
import { commonReplies, contract, errorBody } from "@/lib/http/contract";
import { z } from "zod";

export default contract({
  method: "POST",
  path: "/api/users/email-change/undo/",
  summary:
    "Press the old address's undo link (uid and token from /change-email/undo/<uid>/<token>/, 7 days): the address comes back, the password stops working, every session, token, passkey and Google link ends; a reset link goes to the restored address. Once.",
  access: "anyone",
  request: { body: emailChangeLinkBody, form: true, example: { uid: "MTI", token: "<from the link>" } },
  responses: {
    200: {
      description: "Undone.",
      body: z.strictObject({ message: z.string(), email: z.string() }),
      example: {
        message: "The email address change was undone: everyone was signed out, and a link to choose a new password was sent to the restored address.",
        email: "old@example.com",
      },
    },
    400: { description: "An unusable link (spent, expired, or ended by the undo of an earlier change).", body: errorBody, example: { error: "This link to undo an email change is invalid, has expired or was already used." } },
    409: {
      description: "The restored address belongs to another account by now; nothing changed.",
      body: errorBody,
      example: { error: "That address now belongs to another account, so it cannot be given back to this one. Contact support." },
    },
    ...commonReplies("error", { body: true }),
  },
});
