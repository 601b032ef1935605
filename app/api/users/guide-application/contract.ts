import { z } from "zod";
import { submitGuideApplicationSchema } from "@/lib/guide-applications/submit-schema";
import { commonReplies, contract, detailBody } from "@/lib/http/contract";
import { guideApplicationExample, guideApplicationReply } from "../guide-applications/shape";

const submit = submitGuideApplicationSchema.shape;

export default contract(
  {
    method: "GET",
    path: "/api/users/guide-application/",
    summary: "The caller's latest application, any status.",
    access: "member",
    responses: {
      200: { description: "The latest application.", body: guideApplicationReply, example: guideApplicationExample },
      404: { description: "Never applied.", body: detailBody, example: { detail: "Not found." } },
      ...commonReplies("detail", { access: "member" }),
    },
  },
  {
    method: "POST",
    path: "/api/users/guide-application/",
    summary: "Apply to teach; one pending or approved application at a time.",
    access: "member",
    request: {
      // The use case's own field rules under the old API's names (lib/guide-applications/api-shape.ts maps them).
      body: z.object({ motivation: submit.motivation, experience: submit.experience, subjects_to_teach: submit.subjectsToTeach, referred_by: submit.referredBy }),
      form: true,
      example: { motivation: "I teach maths at a school.", subjects_to_teach: "Maths, Physics", referred_by: "grace" },
    },
    responses: {
      201: { description: "The new application.", body: guideApplicationReply, example: { ...guideApplicationExample, status: "pending", reviewed_by: null, reviewed_by_username: null, reviewed_at: null } },
      400: { description: "One pending or approved already, or invalid input (per-field `fields`).", body: detailBody, example: { detail: "You already have a pending application." } },
      ...commonReplies("detail", { access: "member", body: true }),
    },
  },
);
