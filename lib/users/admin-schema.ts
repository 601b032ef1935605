import { z } from "zod";
import { idSchema } from "../validation/pagination";
import { text } from "../validation/text";

const FORM_BOOLEANS: Record<string, boolean> = { true: true, false: false };

/** A user named by username or email (any letter case): the operator's way. */
export const userRefSchema = text("User", { max: 300, required: "Name a user by username or email." })
  .transform((s) => s.trim().normalize("NFKC"))
  .refine((s) => s.length > 0, "Name a user by username or email.");

/** Staff (or the operator) activate or deactivate an account. */
export const setActiveSchema = z.object(
  {
    userId: idSchema("User id"),
    active: z.preprocess(
      (v) => (typeof v === "string" && v.toLowerCase() in FORM_BOOLEANS ? FORM_BOOLEANS[v.toLowerCase()] : v),
      z.boolean({ error: "Active must be true or false." }),
    ),
  },
  { error: "The request body must be a JSON object." },
);

export type SetActiveInput = z.input<typeof setActiveSchema>;
