import { z } from "zod";
import { EMAIL_MAX } from "../users/field-limits";
import { MAX_PASSWORD_LENGTH } from "../users/password-policy";
import { ENTER_VALID_EMAIL, FIELD_REQUIRED, PASSWORDS_DIFFER } from "./messages";

const BODY = { error: "The request body must be a JSON object." };

/** An email address for a link request: anything missing or malformed is the one sentence. */
export const linkEmail = z
  .string({ error: ENTER_VALID_EMAIL })
  .trim()
  .max(EMAIL_MAX, ENTER_VALID_EMAIL)
  .pipe(z.email({ error: ENTER_VALID_EMAIL }));

export const resetRequestSchema = z.object({ email: linkEmail }, BODY);

/**
 * The confirmation: uid and token are looked up (a malformed one is an invalid link, not
 * an input error); the new password is not trimmed (spaces are part of a password). The
 * page's form sends the password twice; when a client sends `confirm_new_password` it
 * must match (as on change-password), and the old API's clients, which never send it,
 * are not asked for it.
 */
export const resetConfirmSchema = z
  .object(
  {
    uid: z.unknown().optional(),
    token: z.unknown().optional(),
    new_password: z
      .string({ error: (i) => (i.input === undefined || i.input === null ? FIELD_REQUIRED : "New password must be text.") })
      .min(1, FIELD_REQUIRED)
      .max(MAX_PASSWORD_LENGTH, `New password must be at most ${MAX_PASSWORD_LENGTH} characters.`),
    confirm_new_password: z.unknown().optional(),
  },
  BODY,
  )
  .refine((v) => v.confirm_new_password === undefined || v.confirm_new_password === v.new_password, {
    path: ["confirm_new_password"],
    error: PASSWORDS_DIFFER,
  });
