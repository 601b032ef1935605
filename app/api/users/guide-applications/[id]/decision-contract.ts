import { z } from "zod";
import { guideApplicationDecisionSchema } from "@/lib/guide-applications/decision-schema";
import { commonReplies, contract, detailBody } from "@/lib/http/contract";
import { guideApplicationExample, guideApplicationReply } from "../shape";

/** Approve and reject: the same wire, as they share decisionRoute. */
export function decisionContract(decision: "approve" | "reject") {
  const done = decision === "approve" ? "approved" : "rejected";
  return contract({
    method: "POST",
    path: `/api/users/guide-applications/{id}/${decision}/`,
    summary:
      decision === "approve"
        ? "Staff approve a pending application: the applicant's profile becomes `both` (from explorer) or `guide`, active_guide true."
        : "Staff reject a pending application, with optional notes for the applicant.",
    access: "staff",
    request: {
      body: z.object({ admin_notes: guideApplicationDecisionSchema.shape.adminNotes }),
      form: true,
      example: { admin_notes: "Welcome aboard." },
    },
    responses: {
      200: { description: `The application, now ${done}.`, body: guideApplicationReply, example: { ...guideApplicationExample, status: done } },
      400: { description: "Invalid input.", body: detailBody },
      404: { description: "Unknown or non-numeric id.", body: detailBody, example: { detail: "Not found." } },
      409: { description: "Someone decided first.", body: detailBody, example: { detail: "This application was already approved." } },
      ...commonReplies("detail", { access: "staff", body: true }),
    },
  });
}
