import { z } from "zod";
import { idSchema, paginationFields } from "../validation/pagination";
import { USERNAME_MAX } from "../users/field-limits";
import { optionalText } from "../validation/text";

export const APPLICATION_STATUSES = ["pending", "approved", "rejected"] as const;
export type GuideApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const listGuideApplicationsSchema = z.object(
  {
    // "" and "all" mean no filter (the old API's list without ?status=).
    status: z.preprocess(
      (v) => (v === "" || v === null || v === "all" ? undefined : v),
      z.enum(APPLICATION_STATUSES, { error: "Status must be one of: pending, approved, rejected." }).optional(),
    ),
    // Part of the applicant's username, any letter case: staff looking for one person.
    applicant: optionalText("Applicant", USERNAME_MAX).transform((s) => s?.trim() || undefined),
    ...paginationFields,
  },
  { error: "The query must be an object." },
);
export type ListGuideApplicationsInput = z.input<typeof listGuideApplicationsSchema>;

export const guideApplicationIdSchema = z.object(
  { applicationId: idSchema("Application id") },
  { error: "The query must be an object." },
);
export type GuideApplicationIdInput = z.input<typeof guideApplicationIdSchema>;
