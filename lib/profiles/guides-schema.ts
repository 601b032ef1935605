import { z } from "zod";
import { USERNAME_MAX } from "../users/field-limits";
import { text } from "../validation/text";

export const GUIDES_DEFAULT_LIMIT = 100;
export const GUIDES_MAX_LIMIT = 100;

// GET /api/users/guides/?search=&limit= (query-string text).
export const guideListSchema = z.object(
  {
    search: text("search", { max: USERNAME_MAX })
      .optional()
      .transform((s) => (s === undefined || s.trim() === "" ? undefined : s.trim().normalize("NFKC"))),
    limit: z
      .preprocess(
        (v) => (v === undefined || v === "" ? undefined : typeof v === "string" && /^\d{1,6}$/.test(v) ? Number(v) : v),
        z
          .number({ error: "limit must be a whole number." })
          .int("limit must be a whole number.")
          .min(1, "limit must be at least 1.")
          .max(GUIDES_MAX_LIMIT, `limit must be at most ${GUIDES_MAX_LIMIT}.`)
          .optional(),
      )
      .transform((v) => v ?? GUIDES_DEFAULT_LIMIT),
  },
  { error: "The query is not valid." },
);

export const guideUsernameSchema = z.object({ username: z.string().min(1).max(USERNAME_MAX) });

// GET /api/users/search/?q=
export const userSearchSchema = z.object({
  q: text("q", { max: USERNAME_MAX })
    .optional()
    .transform((s) => (s === undefined ? "" : s.trim().normalize("NFKC"))),
});
