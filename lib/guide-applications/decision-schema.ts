import { z } from "zod";
import { idSchema } from "../validation/pagination";
import { optionalText } from "../validation/text";

export const ADMIN_NOTES_MAX = 5000;

export const CHOOSE_DECISION = "Choose Approve or Reject.";

/** Approve and reject take the same input: which application, and optional notes. */
export const guideApplicationDecisionSchema = z.object(
  {
    applicationId: idSchema("Application id"),
    adminNotes: optionalText("Admin notes", ADMIN_NOTES_MAX),
  },
  { error: "The request body must be a JSON object." },
);

export type GuideApplicationDecisionInput = z.input<typeof guideApplicationDecisionSchema>;

/**
 * The staff page's one form with two buttons: the pressed one is `decision`. Checked
 * first, so a form without a decision is told to choose before anything else.
 */
export const decisionChoiceSchema = z.object(
  { decision: z.enum(["approve", "reject"], { error: CHOOSE_DECISION }) },
  { error: "The request body must be a JSON object." },
);
