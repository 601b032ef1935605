import type { InvitationStatus } from "./messages";

/** What every view of an invitation shows (never the token or its hash). */
export interface InvitationFields {
  id: number;
  status: InvitationStatus;
  inviteeEmail: string;
  personalMessage: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
}

export const invitationFieldsSelect = {
  id: true,
  status: true,
  inviteeEmail: true,
  personalMessage: true,
  createdAt: true,
  expiresAt: true,
  acceptedAt: true,
} as const;

/**
 * An invitation as its inviter and staff see it. `inviter` is null once the inviter
 * deleted their account (only invitations that were no longer pending outlive them).
 */
export interface InvitationView extends InvitationFields {
  inviter: { id: number; username: string } | null;
  invitee: { id: number; username: string } | null;
}

export const invitationViewSelect = {
  ...invitationFieldsSelect,
  inviter: { select: { id: true, username: true } },
  invitee: { select: { id: true, username: true } },
} as const;
