import { z } from "zod";
import { loginSchema } from "@/lib/auth/sign-in/login-schema";
import { commonReplies, contract, errorBody } from "@/lib/http/contract";
import { ROLES } from "@/lib/users/register-schema";
import { preferencesExample, preferencesReply } from "../profile/shape";
import { mfaRequiredExample, mfaRequiredReply } from "./2fa/shape";

export const loginReply = z
  .strictObject({
    token: z.string(),
    id: z.number().int(),
    username: z.string(),
    email: z.string().meta({ description: "\"\" for an imported account without one" }),
    role: z.enum(ROLES),
    active_guide: z.boolean(),
    user_id: z.number().int(),
    profile_image_url: z.string().nullable(),
    locale: z.enum(["en", "ja"]),
    preferences: preferencesReply,
  })
  .meta({ id: "LoginReply" });

export const loginExample = {
  token: "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b", id: 12, username: "ada", email: "ada@example.com", role: "explorer", active_guide: false,
  user_id: 12, profile_image_url: null, locale: "en", preferences: preferencesExample,
};

export default contract({
  method: "POST",
  path: "/api/users/login/",
  summary: "Sign in with username or email (any letter case) and password; issues a new API token for this device (or asks for the second factor).",
  access: "anyone",
  request: { body: loginSchema, form: true, example: { username: "ada@example.com", password: "correct horse battery" } },
  responses: {
    200: {
      description: "Signed in.",
      body: loginReply,
      example: loginExample,
    },
    400: { description: "Missing fields, or no account matches.", body: errorBody, example: { error: "Invalid credentials" } },
    401: { description: "The account has a second factor: no token yet; finish at POST /api/users/login/2fa/.", body: mfaRequiredReply, example: mfaRequiredExample },
    ...commonReplies("error", { body: true, crossSite: true, limited: true }),
  },
});
