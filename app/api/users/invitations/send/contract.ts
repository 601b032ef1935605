import { z } from "zod";
import { commonReplies, contract, detailBody } from "@/lib/http/contract";
import { sendInvitationSchema } from "@/lib/invitations/send-schema";
import { invitationExample, invitationReply } from "../shape";

const send = sendInvitationSchema.shape;

export default contract({
  method: "POST",
  path: "/api/users/invitations/send/",
  summary: "Invite someone to teach (needs can_invite_teachers and a verified email; 3 per calendar month, UTC).",
  access: "member",
  request: {
    // The use case's own field rules under the old API's names (lib/invitations/api-shape.ts maps them).
    body: z.object({ invitee_email: send.inviteeEmail, personal_message: send.personalMessage }),
    form: true,
    example: { invitee_email: "ada@example.com", personal_message: "Come teach with us." },
  },
  responses: {
    201: {
      description: "Sent.",
      body: z.strictObject({ detail: z.string(), invitation: invitationReply, remaining_invitations: z.number().int() }).meta({ id: "InvitationSent" }),
      example: { detail: "Invitation sent.", invitation: invitationExample, remaining_invitations: 2 },
    },
    400: { description: "Email has an account, a pending invitation exists, or invalid input (per-field `fields`).", body: detailBody, example: { detail: "A user with this email already exists." } },
    ...commonReplies("detail", { access: "member", body: true }),
    403: { description: "May not invite, or the monthly limit is reached.", body: detailBody, example: { detail: "You've reached your monthly limit of 3 invitations" } },
  },
});
