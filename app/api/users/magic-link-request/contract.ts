import { z } from "zod";
import { commonReplies, contract, errorBody } from "@/lib/http/contract";
import { magicLinkRequestSchema } from "@/lib/magic-link/schema";

export default contract({
  method: "POST",
  path: "/api/users/magic-link-request/",
  summary: "Email a one-time sign-in link; the same answer for every address.",
  access: "anyone",
  request: { body: magicLinkRequestSchema, form: true, example: { email: "ada@example.com" } },
  responses: {
    200: {
      description: "Sent, if an account has that address.",
      body: z.strictObject({ detail: z.string() }).meta({ id: "MagicLinkSent" }),
      example: { detail: "If an account with that email exists, a login link has been sent." },
    },
    400: { description: "Email missing.", body: errorBody, example: { error: "Email field is required." } },
    ...commonReplies("error", { body: true, crossSite: true, limited: true }),
  },
});
