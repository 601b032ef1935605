import { z } from "zod";
import { commonReplies, contract, errorBody } from "@/lib/http/contract";
import { exchangeSchema } from "@/lib/sign-in-exchange/exchange-schema";
import { ROLES } from "@/lib/users/register-schema";
import { preferencesExample, preferencesReply } from "../../profile/shape";

// lib/sign-in-exchange/answer.ts: the login answer without user_id and profile_image_url.
const exchangeReply = z
  .strictObject({
    token: z.string(),
    id: z.number().int(),
    username: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    active_guide: z.boolean(),
    locale: z.enum(["en", "ja"]),
    preferences: preferencesReply,
  })
  .meta({ id: "SignInExchangeReply" });

export default contract({
  method: "POST",
  path: "/api/users/magic-link/exchange/",
  summary: "The single-page app finishes a magic-link sign-in: the one-time code from its return address for an API token. Only from the origin the code was sent to.",
  access: "anyone",
  request: { body: exchangeSchema, form: true, example: { code: "<from the return address>" } },
  responses: {
    200: {
      description: "Signed in, as POST login/ answers.",
      body: exchangeReply,
      example: { token: "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b", id: 12, username: "ada", email: "ada@example.com", role: "explorer", active_guide: false, locale: "en", preferences: preferencesExample },
    },
    400: { description: "Code missing, unknown, used, expired, or for another origin.", body: errorBody, example: { error: "This sign-in code is invalid, already used or expired: sign in again." } },
    ...commonReplies("error", { body: true, crossSite: true, limited: true }),
  },
});
