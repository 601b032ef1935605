import { z } from "zod";
import { text } from "../validation/text";
import { BIO_MAX, DISPLAY_NAME_MAX, NAME_MAX } from "./field-limits";

// The one schema for PUT/PATCH /api/users/profile/ (the old API's names). Only the
// fields given change; blank clears. The old API let people change their own role: here
// role and the staff-granted flags are read-only, and sending one is refused by name.

export const READ_ONLY_PROFILE_FIELDS = ["role", "active_guide", "can_invite_teachers", "is_staff", "email_verified", "id", "username", "email", "date_joined"] as const;

function clearable(label: string, max: number, normalize: (s: string) => string) {
  return text(label, { max })
    .nullable()
    .transform((s) => (s === null || s.trim() === "" ? null : normalize(s)))
    .optional();
}

const nfcTrim = (s: string) => s.trim().normalize("NFC");

// Loose, so that the refinement sees the read-only names; the transform keeps only ours.
export const profilePatchSchema = z
  .looseObject(
    {
      display_name: clearable("Display name", DISPLAY_NAME_MAX, nfcTrim),
      bio: clearable("Bio", BIO_MAX, (s) => s),
      first_name: clearable("First name", NAME_MAX, nfcTrim),
      last_name: clearable("Last name", NAME_MAX, nfcTrim),
    },
    { error: "The request body must be a JSON object." },
  )
  .superRefine((data, ctx) => {
    for (const field of READ_ONLY_PROFILE_FIELDS) {
      if (Object.hasOwn(data, field)) ctx.addIssue({ code: "custom", path: [field], message: `${field} is read-only.` });
    }
  })
  .transform(({ display_name, bio, first_name, last_name }) => ({ displayName: display_name, bio, firstName: first_name, lastName: last_name }));
