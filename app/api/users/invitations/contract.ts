import { z } from "zod";
import { commonReplies, contract } from "@/lib/http/contract";
import { invitationExample, invitationReply } from "./shape";

export default contract({
  method: "GET",
  path: "/api/users/invitations/",
  summary: "The caller's own invitations, newest first, with this month's count and whether they may invite.",
  access: "member",
  responses: {
    200: {
      description: "The invitations and the month's figures.",
      body: z
        .strictObject({ invitations: z.array(invitationReply), monthly_count: z.number().int(), remaining_this_month: z.number().int(), can_invite: z.boolean() })
        .meta({ id: "MyInvitations" }),
      example: { invitations: [invitationExample], monthly_count: 1, remaining_this_month: 2, can_invite: true },
    },
    ...commonReplies("detail", { access: "member" }),
  },
});
