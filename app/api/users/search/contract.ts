import { z } from "zod";
import { commonReplies, contract, detailBody } from "@/lib/http/contract";
import { userSearchSchema } from "@/lib/profiles/guides-schema";

export default contract({
  method: "GET",
  path: "/api/users/search/",
  summary: "Active members whose username or display name contains `q` (any letter case), at most 20; never an email address.",
  access: "member",
  request: { query: userSearchSchema },
  responses: {
    200: {
      description: "The matches.",
      body: z
        .strictObject({ results: z.array(z.strictObject({ id: z.number().int(), username: z.string(), display_name: z.string() })) })
        .meta({ id: "UserSearch" }),
      example: { results: [{ id: 12, username: "ada", display_name: "Ada" }] },
    },
    400: { description: "A bad `q`.", body: detailBody },
    ...commonReplies("detail", { access: "member" }),
  },
});
