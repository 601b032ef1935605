import { z } from "zod";
import { idSchema } from "../validation/pagination";
import { optionalText } from "../validation/text";

export const ADMIN_NOTES_MAX = 5000;

/** Approve and reject take the same input: which application, and optional notes. */
export const guideApplicationDecisionSchema = z.object(
  {
    applicationId: idSchema("Application id"),
    adminNotes: optionalText("Admin notes", ADMIN_NOTES_MAX),
  },
  { error: "The request body must be a JSON object." },
);

export type GuideApplicationDecisionInput = z.input<typeof guideApplicationDecisionSchema>;
