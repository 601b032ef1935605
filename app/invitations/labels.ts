import type { InvitationStatus } from "@/lib/invitations/messages";

/** The key for each status in the catalogue's "invitations" namespace. */
export const STATUS_KEYS = {
  pending: "statusPending",
  accepted: "statusAccepted",
  expired: "statusExpired",
  cancelled: "statusCancelled",
} as const satisfies Record<InvitationStatus, string>;

/** English labels for the staff area's invitations page (app/admin/invitations), until it is translated. */
export const STATUS_LABELS: Record<InvitationStatus, string> = {
  pending: "Pending",
  accepted: "Accepted",
  expired: "Expired",
  cancelled: "Cancelled",
};
