import { commonReplies, contract, detailBody } from "@/lib/http/contract";

export default contract({
  method: "DELETE",
  path: "/api/users/sessions/{id}/",
  summary: "End one of the caller's sessions or tokens (`browser-<n>` / `api-<n>`).",
  access: "member",
  responses: {
    200: { description: "Ended.", body: detailBody, example: { detail: "Session ended." } },
    404: { description: "Not one of the caller's.", body: detailBody, example: { detail: "Not found." } },
    ...commonReplies("detail", { access: "member" }),
  },
});
