import { z } from "zod";
import { listGuideApplicationsSchema } from "@/lib/guide-applications/list-schema";
import { commonReplies, contract, detailBody } from "@/lib/http/contract";
import { guideApplicationExample, guideApplicationReply } from "./shape";

const list = listGuideApplicationsSchema.shape;

export default contract({
  method: "GET",
  path: "/api/users/guide-applications/",
  summary: "Staff: applications, pending first then oldest first. X-Total-Count; Link with rel=\"next\"/\"prev\".",
  access: "staff",
  request: {
    // The use case's fields under the old API's query names (page_size defaults to 100 here).
    query: z.object({ status: list.status, applicant: list.applicant, page: list.page, page_size: list.pageSize }),
  },
  responses: {
    200: {
      description: "One page of applications.",
      body: z.array(guideApplicationReply).meta({ id: "GuideApplicationList" }),
      headers: { "X-Total-Count": "how many in all", Link: "rel=\"next\" / rel=\"prev\" pages, when there are" },
      example: [guideApplicationExample],
    },
    400: { description: "Bad status or page size.", body: detailBody, example: { detail: "Status must be one of: pending, approved, rejected." } },
    ...commonReplies("detail", { access: "staff" }),
  },
});
