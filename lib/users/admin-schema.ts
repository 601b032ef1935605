import { text } from "../validation/text";

/** A user named by username or email (any letter case): the operator's way. */
export const userRefSchema = text("User", { max: 300, required: "Name a user by username or email." })
  .transform((s) => s.trim().normalize("NFKC"))
  .refine((s) => s.length > 0, "Name a user by username or email.");
