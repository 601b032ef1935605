import { z } from "zod";
import { EMAIL_MAX } from "../users/field-limits";
import { normalizeEmail } from "../users/register-schema";
import { EMAIL_CHANGE_PASSWORD_REQUIRED, NEW_EMAIL_REQUIRED } from "./messages";

// The request's input: the new address (sign-up's rules) and the current password.
// `code` (a step-up code) is read by lib/two-factor/step-up.ts from the same body.
export const requestEmailChangeSchema = z.object(
  {
    new_email: z
      .string({ error: NEW_EMAIL_REQUIRED })
      .trim()
      .min(1, NEW_EMAIL_REQUIRED)
      .max(EMAIL_MAX, `Email must be at most ${EMAIL_MAX} characters.`)
      .pipe(z.email({ error: "Enter a valid email address." }))
      .transform(normalizeEmail),
    password: z.string({ error: EMAIL_CHANGE_PASSWORD_REQUIRED }).min(1, EMAIL_CHANGE_PASSWORD_REQUIRED).max(256),
  },
  { error: "The request body must be a JSON object." },
);

/** The link's two parts, as the confirmation page posts them back (checked by the lookup). */
export const confirmEmailChangeSchema = z.object({ uid: z.unknown(), token: z.unknown() });

/** The same two parts as the API documents them (app/api/users/email-change/confirm/ and undo/). */
export const emailChangeLinkBody = z.strictObject({ uid: z.string(), token: z.string() });
