import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "./password-policy";

// The one schema for changing one's own password: the API's field names, which the
// /account/security form uses too. Passwords are not trimmed: spaces are part of them.

function password(label: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? "This field is required." : `${label} must be text.`) })
    .min(1, "This field may not be blank.")
    .max(MAX_PASSWORD_LENGTH, `${label} must be at most ${MAX_PASSWORD_LENGTH} characters.`);
}

export const changePasswordSchema = z.object(
  {
    current_password: password("Current password"),
    new_password: password("New password"),
    confirm_new_password: password("Confirm new password"),
  },
  { error: "The request body must be a JSON object." },
);

export const CURRENT_PASSWORD_WRONG = "Current password is incorrect.";
export const NEW_PASSWORDS_DIFFER = "New passwords do not match.";
