import { z } from "zod";
import { commonReplies, contract, isoTime } from "@/lib/http/contract";

const device = z.strictObject({
  id: z.string().meta({ description: "`browser-<n>` or `api-<n>`" }),
  kind: z.enum(["browser", "api"]),
  created_at: isoTime,
  last_seen_at: isoTime.nullable(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  current: z.boolean().meta({ description: "the credential making this request" }),
});

export default contract({
  method: "GET",
  path: "/api/users/sessions/",
  summary: "Where the caller is signed in: browser sessions and per-device API tokens.",
  access: "member",
  responses: {
    200: {
      description: "Every session and token.",
      body: z.strictObject({ sessions: z.array(device) }).meta({ id: "Sessions" }),
      example: { sessions: [{ id: "api-3", kind: "api", created_at: "2026-12-01T10:00:00.000Z", last_seen_at: null, ip: "203.0.113.9", user_agent: "okhttp/4", current: true }] },
    },
    ...commonReplies("detail", { access: "member" }),
  },
});
