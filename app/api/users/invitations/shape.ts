import { z } from "zod";
import { isoTime } from "@/lib/http/contract";
import { INVITATION_STATUSES } from "@/lib/invitations/list-schema";

/** An invitation as its inviter (and staff) read it (lib/invitations/api-shape.ts writes it). */
export const invitationReply = z
  .strictObject({
    id: z.number().int(),
    inviter: z.number().int().nullable(),
    inviter_username: z.string().nullable(),
    invitee_email: z.string(),
    invitee: z.number().int().nullable(),
    invitee_username: z.string().nullable(),
    status: z.enum(INVITATION_STATUSES),
    personal_message: z.string(),
    created_at: isoTime.nullable(),
    expires_at: isoTime.nullable(),
    accepted_at: isoTime.nullable(),
    is_expired: z.boolean().meta({ description: "marked expired, or past expires_at" }),
  })
  .meta({ id: "Invitation" });

export const invitationExample = {
  id: 5, inviter: 3, inviter_username: "grace", invitee_email: "ada@example.com", invitee: null, invitee_username: null,
  status: "pending", personal_message: "Come teach with us.", created_at: "2026-12-01T10:00:00.000Z", expires_at: "2026-12-31T10:00:00.000Z", accepted_at: null, is_expired: false,
};
