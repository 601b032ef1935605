import { z } from "zod";
import { commonReplies, contract, detailBody, messageBody } from "@/lib/http/contract";
import { deactivateSchema } from "@/lib/users/deactivate-schema";

export default contract({
  method: "POST",
  path: "/api/users/deactivate/",
  summary: "Deactivate one's own account (body optional); every session and token ends, signing in again reactivates.",
  access: "member",
  request: {
    body: z.object({
      reason: deactivateSchema.shape.reason,
      password: z.string().optional().meta({ description: "required with a browser's session cookie; not with an API token" }),
    }),
    form: true,
    example: { reason: "Taking a break" },
  },
  responses: {
    200: { description: "Deactivated.", body: messageBody, example: { message: "Account has been deactivated. You can reactivate it by logging in." } },
    400: { description: "Invalid input; with a session cookie, the password missing or wrong.", body: detailBody, example: { detail: "Enter your password to deactivate your account." } },
    ...commonReplies("detail", { access: "member", body: true }),
  },
});
