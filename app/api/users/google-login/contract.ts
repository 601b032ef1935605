import { z } from "zod";
import { googleLoginSchema } from "@/lib/google-login/schema";
import { commonReplies, contract, errorBody } from "@/lib/http/contract";
import { ROLES } from "@/lib/users/register-schema";
import { mfaRequiredExample, mfaRequiredReply } from "../login/2fa/shape";

const googleReply = z
  .strictObject({
    user: z.strictObject({
      id: z.number().int(),
      username: z.string(),
      email: z.string(),
      first_name: z.string(),
      last_name: z.string(),
      role: z.enum(ROLES),
      active_guide: z.boolean(),
    }),
    token: z.string(),
    message: z.string(),
    new_user_created: z.boolean(),
    profile_created: z.boolean(),
  })
  .meta({ id: "GoogleLoginReply" });

export default contract({
  method: "POST",
  path: "/api/users/google-login/",
  summary: "Sign in (or sign up) with a Google ID token; a new API token, and a session cookie when the site itself calls.",
  access: "anyone",
  request: { body: googleLoginSchema, form: true, example: { token: "<Google ID token>" } },
  responses: {
    200: {
      description: "Signed in.",
      body: googleReply,
      example: {
        user: { id: 12, username: "ada", email: "ada@example.com", first_name: "Ada", last_name: "Lovelace", role: "explorer", active_guide: false },
        token: "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b",
        message: "Login successful via Google.",
        new_user_created: false,
        profile_created: false,
      },
    },
    401: { description: "The account has a second factor: Google was the first step only.", body: mfaRequiredReply, example: mfaRequiredExample },
    400: { description: "Token missing or not a valid Google ID token; Google sign-in not configured.", body: errorBody, example: { error: "Invalid Google token." } },
    ...commonReplies("error", { body: true, crossSite: true, limited: true }),
    // Not the cross-site 403 only: staff accounts not linked, a domain not allowed.
    403: { description: "Posted from another site; a staff account not linked to Google; a domain not allowed.", body: errorBody },
    409: { description: "The address or the Google account is linked to another identity.", body: errorBody },
  },
});
