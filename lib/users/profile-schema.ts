import { z } from "zod";
import { text } from "../validation/text";
import { BIO_MAX, DISPLAY_NAME_MAX } from "./field-limits";

// The one schema for editing one's own profile (the /account page; any future API).
// A blank field clears the value; a missing one too, since the form always sends both.

export { DISPLAY_NAME_MAX };

function clearable(label: string, max: number, normalize: (s: string) => string) {
  return z.preprocess(
    (v) => (v === undefined ? null : v),
    text(label, { max })
      .nullable()
      .transform((s) => (s === null || s.trim() === "" ? null : normalize(s))),
  );
}

export const profileUpdateSchema = z.object(
  {
    displayName: clearable("Display name", DISPLAY_NAME_MAX, (s) => s.trim().normalize("NFC")),
    bio: clearable("Bio", BIO_MAX, (s) => s),
  },
  { error: "The request body must be a JSON object." },
);

export type ProfileUpdateInput = z.input<typeof profileUpdateSchema>;
