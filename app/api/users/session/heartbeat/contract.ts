import { z } from "zod";
import { commonReplies, contract, isoTime } from "@/lib/http/contract";

export default contract({
  method: "POST",
  path: "/api/users/session/heartbeat/",
  summary: "Mark the asking session or token as seen now.",
  access: "member",
  responses: {
    200: {
      description: "Seen.",
      body: z.strictObject({ detail: z.literal("heartbeat"), last_heartbeat_at: isoTime }).meta({ id: "Heartbeat" }),
      example: { detail: "heartbeat", last_heartbeat_at: "2026-12-06T21:00:00.000Z" },
    },
    ...commonReplies("detail", { access: "member" }),
  },
});
