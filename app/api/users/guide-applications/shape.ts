import { z } from "zod";
import { isoTime } from "@/lib/http/contract";
import { APPLICATION_STATUSES } from "@/lib/guide-applications/list-schema";

/** An application as the old API's clients read it (lib/guide-applications/api-shape.ts writes it). */
export const guideApplicationReply = z
  .strictObject({
    id: z.number().int(),
    user: z.number().int(),
    username: z.string(),
    motivation: z.string(),
    experience: z.string(),
    subjects_to_teach: z.string(),
    referred_by: z.number().int().nullable(),
    referred_by_username: z.string().nullable(),
    status: z.enum(APPLICATION_STATUSES),
    reviewed_by: z.number().int().nullable(),
    reviewed_by_username: z.string().nullable(),
    reviewed_at: isoTime.nullable(),
    admin_notes: z.string(),
    created_at: isoTime,
    updated_at: isoTime,
  })
  .meta({ id: "GuideApplication" });

export const guideApplicationExample = {
  id: 7, user: 12, username: "ada", motivation: "I teach maths at a school.", experience: "", subjects_to_teach: "Maths, Physics",
  referred_by: 3, referred_by_username: "grace", status: "approved", reviewed_by: 1, reviewed_by_username: "staff",
  reviewed_at: "2026-11-24T09:05:00.000Z", admin_notes: "", created_at: "2026-11-23T18:00:00.000Z", updated_at: "2026-11-24T09:05:00.000Z",
};
