import { z } from "zod";
import { commonReplies, contract } from "@/lib/http/contract";

export default contract({
  method: "GET",
  path: "/api/users/2fa/",
  summary: "The caller's second factors, and whether REQUIRE_2FA covers them.",
  access: "member",
  responses: {
    200: {
      description: "The status.",
      body: z
        .strictObject({ totp: z.boolean(), passkeys: z.number().int(), recovery_codes_left: z.number().int(), required: z.boolean() })
        .meta({ id: "TwoFactorStatus" }),
      example: { totp: true, passkeys: 1, recovery_codes_left: 9, required: false },
    },
    ...commonReplies("error", { access: "member" }),
  },
});
