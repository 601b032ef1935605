import { z } from "zod";
import { commonReplies, contract, detailBody, isoTime } from "@/lib/http/contract";
import { INVITATION_STATUSES } from "@/lib/invitations/list-schema";
import { invitationTokenSchema } from "@/lib/invitations/token-schema";
import { ROLES } from "@/lib/users/register-schema";
import { invitationExample, invitationReply } from "../shape";

const publicInvitation = z
  .strictObject({
    id: z.number().int(),
    inviter_username: z.string().nullable(),
    inviter_display_name: z.string(),
    invitee_email: z.string(),
    personal_message: z.string(),
    status: z.enum(INVITATION_STATUSES),
    created_at: isoTime.nullable(),
    expires_at: isoTime.nullable(),
    is_expired: z.boolean(),
  })
  .meta({ id: "PublicInvitation" });

/** The live view's envelope, which its sign-up page reads. */
const publicInvitationReply = z
  .strictObject({ invitation: publicInvitation, inviter_name: z.string().nullable().meta({ description: "display name, else username" }) })
  .meta({ id: "PublicInvitationReply" });

const notUsable = z.strictObject({ detail: z.string(), status: z.enum(INVITATION_STATUSES).optional(), fields: z.record(z.string(), z.string()).optional() }).meta({ id: "InvitationRefusal" });

export default contract(
  {
    method: "GET",
    path: "/api/users/invitations/accept/",
    summary: "Whoever holds the link: who invited whom, while the invitation can be accepted.",
    access: "anyone",
    request: { query: invitationTokenSchema },
    responses: {
      200: {
        description: "The invitation.",
        body: publicInvitationReply,
        example: {
          invitation: { id: 5, inviter_username: "grace", inviter_display_name: "Grace", invitee_email: "ada@example.com", personal_message: "Come teach with us.", status: "pending", created_at: "2026-12-01T10:00:00.000Z", expires_at: "2026-12-31T10:00:00.000Z", is_expired: false },
          inviter_name: "Grace",
        },
      },
      400: { description: "Accepted, cancelled or expired (naming the status); token missing.", body: notUsable, example: { detail: "This invitation has expired.", status: "expired" } },
      404: { description: "Unknown or malformed token.", body: detailBody, example: { detail: "This invitation link is not valid." } },
      ...commonReplies("detail"),
    },
  },
  {
    method: "POST",
    path: "/api/users/invitations/accept/",
    summary: "The signed-in caller, whose email matches the invitation, accepts it: the profile becomes `both` or `guide`.",
    access: "member",
    request: { body: invitationTokenSchema, form: true, example: { token: "<from the link>" } },
    responses: {
      200: {
        description: "Accepted.",
        body: z
          .strictObject({ detail: z.string(), invitation: invitationReply, role: z.enum(ROLES), active_guide: z.boolean(), can_invite_teachers: z.boolean() })
          .meta({ id: "InvitationAccepted" }),
        example: { detail: "Invitation accepted.", invitation: { ...invitationExample, status: "accepted", invitee: 12, invitee_username: "ada", accepted_at: "2026-12-02T08:00:00.000Z" }, role: "both", active_guide: true, can_invite_teachers: false },
      },
      400: { description: "Another email, or not pending.", body: notUsable, example: { detail: "This invitation has already been accepted." } },
      404: { description: "Unknown or malformed token.", body: detailBody, example: { detail: "This invitation link is not valid." } },
      ...commonReplies("detail", { access: "member", body: true }),
    },
  },
);
