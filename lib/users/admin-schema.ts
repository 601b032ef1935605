import { z } from "zod";
import { idSchema } from "../validation/pagination";
import { optionalText, text } from "../validation/text";

const FORM_BOOLEANS: Record<string, boolean> = { true: true, false: false };

/** A user named by username or email (any letter case): the operator's way. */
export const userRefSchema = text("User", { max: 300, required: "Name a user by username or email." })
  .transform((s) => s.trim().normalize("NFKC"))
  .refine((s) => s.length > 0, "Name a user by username or email.");

const REASON_MAX = 500;

/** Why staff acted, kept in the audit row's notes (optional for the operator's CLI). */
export function staffReason() {
  return optionalText("Reason", REASON_MAX);
}

/**
 * The staff pages ask for a reason before every action on a person: the form's field,
 * required there (the adapter parses it with this before calling the use case).
 */
export const requiredReasonSchema = z.object(
  {
    reason: text("Reason", { max: REASON_MAX, required: "Give a reason: it goes into the audit log." }).refine(
      (s) => s.trim().length > 0,
      "Give a reason: it goes into the audit log.",
    ),
  },
  { error: "The request body must be a JSON object." },
);

/** Staff (or the operator) activate or deactivate an account. */
export const setActiveSchema = z.object(
  {
    userId: idSchema("User id"),
    active: z.preprocess(
      (v) => (typeof v === "string" && v.toLowerCase() in FORM_BOOLEANS ? FORM_BOOLEANS[v.toLowerCase()] : v),
      z.boolean({ error: "Active must be true or false." }),
    ),
    reason: staffReason(),
  },
  { error: "The request body must be a JSON object." },
);

export type SetActiveInput = z.input<typeof setActiveSchema>;
