import { DomainError } from "../errors";

// The old API's sentences where it had them (issue 5 quotes them), ours elsewhere.

export const MONTHLY_LIMIT = 3;

export const noPermission = () =>
  new DomainError("invite_forbidden", "You don't have permission to invite teachers", 403);
export const monthlyLimitReached = () =>
  new DomainError("monthly_limit", `You've reached your monthly limit of ${MONTHLY_LIMIT} invitations`, 403);
export const accountExists = () =>
  new DomainError("account_exists", "A user with this email already exists.", 400, {
    inviteeEmail: "A user with this email already exists.",
  });
export const alreadyInvited = () =>
  new DomainError("already_invited", "You already have a pending invitation for this email.", 400, {
    inviteeEmail: "You already have a pending invitation for this email.",
  });

export const invalidToken = () => new DomainError("invitation_not_found", "This invitation link is not valid.", 404);
export const NOT_FOUND = () => new DomainError("not_found", "Not found.", 404);

export type InvitationStatus = "pending" | "accepted" | "expired" | "cancelled";

/** Why an invitation that is not (or no longer) pending cannot be used. */
export function notUsable(status: Exclude<InvitationStatus, "pending">): DomainError {
  const message = {
    accepted: "This invitation has already been accepted.",
    expired: "This invitation has expired.",
    cancelled: "This invitation was cancelled.",
  }[status];
  return new DomainError(`invitation_${status}`, message, 400);
}

export const otherEmail = () =>
  new DomainError(
    "invitation_other_email",
    "This invitation was sent to a different email address. Sign in with that address to accept it.",
    400,
  );

export const noAccountForEmail = () =>
  new DomainError("invitee_not_registered", "No registered user has the email this invitation was sent to.", 400);

export const INVITEE_UNVERIFIED =
  "The registered user with this email has not verified their email address yet, so the invitation cannot be accepted on their behalf.";
export const inviteeUnverified = () => new DomainError("invitee_unverified", INVITEE_UNVERIFIED, 400);
