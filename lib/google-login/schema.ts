import { z } from "zod";
import { GOOGLE_TOKEN_REQUIRED } from "./messages";

/** A Google sign-in: {"token": "<Google ID token>"}; anything else is the one sentence. */
export const googleLoginSchema = z.object(
  { token: z.string({ error: GOOGLE_TOKEN_REQUIRED }).trim().min(1, GOOGLE_TOKEN_REQUIRED) },
  { error: GOOGLE_TOKEN_REQUIRED },
);
