import { commonReplies, contract, detailBody, messageBody } from "@/lib/http/contract";
import { deactivateSchema } from "@/lib/users/deactivate-self";

export default contract({
  method: "POST",
  path: "/api/users/deactivate/",
  summary: "Deactivate one's own account (body optional); every session and token ends, signing in again reactivates.",
  access: "member",
  request: { body: deactivateSchema, form: true, example: { reason: "Taking a break" } },
  responses: {
    200: { description: "Deactivated.", body: messageBody, example: { message: "Account has been deactivated. You can reactivate it by logging in." } },
    400: { description: "Invalid input.", body: detailBody },
    ...commonReplies("detail", { access: "member", body: true }),
  },
});
