import { z } from "zod";

const id = z.number().int().positive();

/** Which overdue invitations to mark: one, one inviter's, or every one ("all"). */
export const expireOverdueSchema = z.union(
  [z.literal("all"), z.strictObject({ invitationId: id }), z.strictObject({ inviterId: id })],
  { error: 'Expire "all", or one { invitationId } or { inviterId }.' },
);
