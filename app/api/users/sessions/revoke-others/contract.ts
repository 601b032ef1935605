import { z } from "zod";
import { commonReplies, contract } from "@/lib/http/contract";

export default contract({
  method: "POST",
  path: "/api/users/sessions/revoke-others/",
  summary: "End every session and token of the caller except the one making this request.",
  access: "member",
  responses: {
    200: {
      description: "How many ended.",
      body: z.strictObject({ detail: z.string(), revoked: z.number().int() }).meta({ id: "RevokedOthers" }),
      example: { detail: "Signed out of 2 other sessions.", revoked: 2 },
    },
    ...commonReplies("detail", { access: "member" }),
  },
});
