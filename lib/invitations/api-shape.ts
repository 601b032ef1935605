import { DomainError, isDomainError } from "../errors";
import type { AcceptedInvitation } from "./accept";
import type { InvitationPublicView } from "./by-token";
import type { MyInvitations } from "./list";
import { notUsable } from "./messages";
import type { SentInvitation } from "./send";
import type { InvitationView } from "./view";

// The old JSON API speaks snake_case; the code inside speaks camelCase. Every
// translation between the two for invitations happens here and only here.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The live serializer's is_expired: past its expiry date, or already marked expired. */
function isExpired(i: { status: string; expiresAt: Date }, now = Date.now()): boolean {
  return i.status === "expired" || i.expiresAt.getTime() <= now;
}

/** An invitation as its inviter (and staff) read it over the API. */
export function invitationToApi(i: InvitationView) {
  return {
    id: i.id,
    inviter: i.inviter?.id ?? null,
    inviter_username: i.inviter?.username ?? null,
    invitee_email: i.inviteeEmail,
    invitee: i.invitee?.id ?? null,
    invitee_username: i.invitee?.username ?? null,
    status: i.status,
    personal_message: i.personalMessage ?? "",
    created_at: iso(i.createdAt),
    expires_at: iso(i.expiresAt),
    accepted_at: iso(i.acceptedAt),
    is_expired: isExpired(i),
  };
}

/**
 * What whoever holds the link may read (GET …/accept/?token=), in the live view's
 * envelope: the live sign-up page reads `invitation.invitee_email` and `inviter_name`
 * (the inviter's display name, else their username).
 */
export function publicInvitationToApi(v: InvitationPublicView) {
  const inviterName = v.inviter ? v.inviter.displayName?.trim() || v.inviter.username : null;
  return {
    invitation: {
      id: v.id,
      inviter_username: v.inviter?.username ?? null,
      inviter_display_name: v.inviter?.displayName ?? "",
      invitee_email: v.inviteeEmail,
      personal_message: v.personalMessage ?? "",
      status: v.status,
      created_at: iso(v.createdAt),
      expires_at: iso(v.expiresAt),
      is_expired: isExpired(v),
    },
    inviter_name: inviterName,
  };
}

/**
 * GET …/accept/?token=: the invitation while it can be accepted, else the live view's 400
 * naming the status (the page shows every status; the API answers only a usable one).
 */
export function publicInvitationAnswer(v: InvitationPublicView): { status: 200 | 400; body: unknown } {
  if (v.status !== "pending") return { status: 400, body: { detail: notUsable(v.status).message, status: v.status } };
  return { status: 200, body: publicInvitationToApi(v) };
}

/** POST …/accept/: the accepted invitation and the caller's profile flags after it. */
export function acceptedToApi({ invitation, profile }: AcceptedInvitation) {
  return {
    detail: "Invitation accepted.",
    invitation: invitationToApi(invitation),
    role: profile.role,
    active_guide: profile.activeGuide,
    can_invite_teachers: profile.canInviteTeachers,
  };
}

/** POST …/send/: the new invitation and what is left of the month's allowance. */
export function sentToApi(sent: SentInvitation) {
  return { detail: "Invitation sent.", invitation: invitationToApi(sent.invitation), remaining_invitations: sent.remainingThisMonth };
}

/** POST …/<id>/cancel/. */
export function cancelledToApi(invitation: InvitationView) {
  return { detail: "Invitation cancelled.", invitation: invitationToApi(invitation) };
}

export function myInvitationsToApi(m: MyInvitations) {
  return {
    invitations: m.invitations.map(invitationToApi),
    monthly_count: m.monthlyCount,
    remaining_this_month: m.remainingThisMonth,
    can_invite: m.canInvite,
  };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A send request's body in the domain's names. Anything that is not an object is passed
 * on unchanged, so the schema answers it with its own sentence.
 */
export function sendInputFromApi(body: unknown): unknown {
  if (!isPlainObject(body)) return body;
  return { inviteeEmail: body.invitee_email, personalMessage: body.personal_message };
}

const FIELD_NAMES: Record<string, string> = {
  inviteeEmail: "invitee_email",
  personalMessage: "personal_message",
  invitationId: "id",
};

/** Re-throws a refusal with its per-field messages under the API's names. */
export function rethrowInApiNames(err: unknown): never {
  if (isDomainError(err) && err.fields) {
    const fields = Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [FIELD_NAMES[k] ?? k, v]));
    throw new DomainError(err.code, err.message, err.status, fields);
  }
  throw err;
}
