import { z } from "zod";
import { commonReplies, contract, detailBody } from "@/lib/http/contract";
import { invitationExample, invitationReply } from "../../shape";

export default contract({
  method: "POST",
  path: "/api/users/invitations/{id}/cancel/",
  summary: "The inviter (or staff) cancels a pending invitation.",
  access: "member",
  responses: {
    200: {
      description: "Cancelled.",
      body: z.strictObject({ detail: z.string(), invitation: invitationReply }).meta({ id: "InvitationCancelled" }),
      example: { detail: "Invitation cancelled.", invitation: { ...invitationExample, status: "cancelled" } },
    },
    400: { description: "Not pending.", body: detailBody, example: { detail: "This invitation was cancelled." } },
    404: { description: "Someone else's, or unknown.", body: detailBody, example: { detail: "Not found." } },
    ...commonReplies("detail", { access: "member" }),
  },
});
