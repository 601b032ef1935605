import { commonReplies, contract, detailBody } from "@/lib/http/contract";

export default contract({
  method: "POST",
  path: "/api/users/logout/",
  summary: "End only the credential making the request (this device's token, or this browser's session).",
  access: "member",
  responses: {
    200: { description: "Signed out.", body: detailBody, example: { detail: "Successfully logged out." } },
    ...commonReplies("detail", { access: "member" }),
  },
});
