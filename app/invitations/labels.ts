import type { InvitationStatus } from "@/lib/invitations/messages";

/** The key for each status in the catalogue's "invitations" namespace. */
export const STATUS_KEYS = {
  pending: "statusPending",
  accepted: "statusAccepted",
  expired: "statusExpired",
  cancelled: "statusCancelled",
} as const satisfies Record<InvitationStatus, string>;
