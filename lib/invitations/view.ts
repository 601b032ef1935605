import type { InvitationStatus } from "./messages";

/** An invitation as its inviter and staff see it (never the token or its hash). */
export interface InvitationView {
  id: number;
  status: InvitationStatus;
  inviteeEmail: string;
  personalMessage: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  inviter: { id: number; username: string };
  invitee: { id: number; username: string } | null;
}

export const invitationViewSelect = {
  id: true,
  status: true,
  inviteeEmail: true,
  personalMessage: true,
  createdAt: true,
  expiresAt: true,
  acceptedAt: true,
  inviter: { select: { id: true, username: true } },
  invitee: { select: { id: true, username: true } },
} as const;
