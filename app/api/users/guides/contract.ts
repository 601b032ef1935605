import { z } from "zod";
import { commonReplies, contract, detailBody } from "@/lib/http/contract";
import { guideListSchema } from "@/lib/profiles/guides-schema";
import { publicProfileExample, publicProfileReply } from "../profile/shape";

export default contract({
  method: "GET",
  path: "/api/users/guides/",
  summary: "Public: active guides, newest first; with `search`, usernames containing it (any letter case), by username.",
  access: "anyone",
  request: { query: guideListSchema },
  responses: {
    200: { description: "A bare array of public profiles.", body: z.array(publicProfileReply).meta({ id: "PublicProfileList" }), example: [publicProfileExample] },
    400: { description: "A bad `limit` or `search`.", body: detailBody, example: { detail: "limit must be at most 100." } },
    ...commonReplies("detail"),
  },
});
