import { z } from "zod";
import { usernameSchema } from "../users/register-schema";
import { optionalText, text } from "../validation/text";

export const MOTIVATION_MAX = 5000;
export const EXPERIENCE_MAX = 5000;
export const SUBJECTS_MAX = 255;

/** "Maths,  physics ,,Chemistry" -> "Maths, physics, Chemistry". */
export function normalizeSubjects(raw: string): string {
  return raw
    .split(",")
    .map((s) => s.trim().replace(/\s+/g, " "))
    .filter((s) => s.length > 0)
    .join(", ");
}

function requiredText(label: string, max: number) {
  return text(label, { max, required: `${label} is required.` })
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, `${label} is required.`);
}

// Who referred the applicant: a username (the form), or a user id (old API clients
// sent the id of the referring user).
const referredBy = z.preprocess(
  (v) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v),
  z
    .union(
      [
        z.number().int().positive().max(2_147_483_647).transform((id) => ({ id })),
        usernameSchema.transform((username) => ({ username })),
      ],
      { error: "Referred by must be a username." },
    )
    .optional(),
);

export const submitGuideApplicationSchema = z.object(
  {
    motivation: requiredText("Motivation", MOTIVATION_MAX),
    experience: optionalText("Experience", EXPERIENCE_MAX).transform((s) => s?.trim()),
    subjectsToTeach: text("Subjects to teach", { max: 10 * SUBJECTS_MAX, required: "Subjects to teach is required." })
      .transform(normalizeSubjects)
      .refine((s) => s.length > 0, "Subjects to teach is required.")
      .refine((s) => s.length <= SUBJECTS_MAX, `Subjects to teach must be at most ${SUBJECTS_MAX} characters.`),
    referredBy,
  },
  { error: "The request body must be a JSON object." },
);

export type SubmitGuideApplicationInput = z.input<typeof submitGuideApplicationSchema>;
