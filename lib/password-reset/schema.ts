import { z } from "zod";
import { EMAIL_MAX } from "../users/field-limits";
import { MAX_PASSWORD_LENGTH } from "../users/password-policy";
import { ENTER_VALID_EMAIL, FIELD_REQUIRED } from "./messages";

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
 * an input error); the new password is not trimmed (spaces are part of a password).
 */
export const resetConfirmSchema = z.object(
  {
    uid: z.unknown().optional(),
    token: z.unknown().optional(),
    new_password: z
      .string({ error: (i) => (i.input === undefined || i.input === null ? FIELD_REQUIRED : "New password must be text.") })
      .min(1, FIELD_REQUIRED)
      .max(MAX_PASSWORD_LENGTH, `New password must be at most ${MAX_PASSWORD_LENGTH} characters.`),
  },
  BODY,
);
