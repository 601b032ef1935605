import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "../../users/password-policy";
import { EMAIL_MAX, USERNAME_MAX } from "../../users/field-limits";

// The one schema for sign-in input: the /login page, the JSON API and next-auth's
// Credentials provider. The old API had exactly two refusals, and so do we: anything
// that is not a usable pair is "required"; anything that cannot match an account is
// "invalid credentials" (no hint of which part was wrong).

export const LOGIN_REQUIRED = "Username/Email and password are required.";
export const INVALID_CREDENTIALS = "Invalid credentials";

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;

const present = z
  .string({ error: LOGIN_REQUIRED })
  .refine((s) => s.trim().length > 0, { message: LOGIN_REQUIRED, abort: true });

export const loginSchema = z.object(
  {
    username: present
      .refine((s) => s.length <= Math.max(USERNAME_MAX, EMAIL_MAX) + 16 && !CONTROL.test(s), INVALID_CREDENTIALS)
      .transform((s) => s.trim().normalize("NFKC")),
    // Not trimmed: spaces are part of a password.
    password: present.refine((s) => s.length <= MAX_PASSWORD_LENGTH, INVALID_CREDENTIALS),
  },
  { error: LOGIN_REQUIRED },
);

export type LoginInput = z.input<typeof loginSchema>;
