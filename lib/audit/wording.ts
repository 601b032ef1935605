// The audit log for people: each recorded action in plain words ("Approved guide
// application"), details as labelled values. Codes stay the stored truth (filters, API);
// these are only how staff pages say them.

const ACTIONS: Record<string, string> = {
  "account.claimed_by_mailbox": "Account taken over by its mailbox",
  "account.created_via_google": "Signed up with Google",
  "account.deactivated": "Closed their account",
  "account.deleted": "Deleted their account",
  "account.google_linked": "Linked Google sign-in",
  "account.google_unlinked": "Unlinked Google sign-in",
  "account.reactivated": "Reopened their account",
  "email.change_requested": "Asked to change email address",
  "email.changed": "Changed email address",
  "email.verified": "Verified email address",
  "guide_application.submitted": "Applied to be a guide",
  "guide_application.approved": "Approved guide application",
  "guide_application.rejected": "Rejected guide application",
  "invitation.sent": "Sent a teacher invitation",
  "invitation.accepted": "Accepted a teacher invitation",
  "invitation.accepted_on_behalf": "Accepted an invitation on someone's behalf",
  "invitation.cancelled": "Cancelled a teacher invitation",
  "invitation.expired": "Teacher invitation expired",
  "password.changed": "Changed password",
  "password.reset": "Reset password by email link",
  "profile.invite_permission_granted": "Allowed to invite teachers",
  "profile.invite_permission_revoked": "No longer allowed to invite teachers",
  "session.revoked": "Signed out one device",
  "session.revoked_all": "Signed out everywhere",
  "session.revoked_others": "Signed out other devices",
  "two_factor.enabled": "Turned on two-factor authentication",
  "two_factor.disabled": "Turned off two-factor authentication",
  "two_factor.recovery_codes_regenerated": "Made new recovery codes",
  "two_factor.reset_by_staff": "Reset two-factor authentication",
  "two_factor.passkey_added": "Added a passkey",
  "two_factor.passkey_removed": "Removed a passkey",
  "user.activated": "Reactivated account",
  "user.deactivated": "Deactivated account",
  "user.email_marked_verified": "Marked email verified",
  "user.password_reset_sent": "Sent a password reset link",
  "user.staff_created": "Created staff account at the console",
  "user.staff_granted": "Made staff",
  "user.staff_removed": "Removed staff access",
  "user.view_as_started": "Started viewing as member",
  "user.view_as_stopped": "Stopped viewing as member",
};

/** The known actions, for the filter's suggestions: [code, words]. */
export const KNOWN_AUDIT_ACTIONS: [string, string][] = Object.entries(ACTIONS);

export function describeAction(action: string): string {
  if (ACTIONS[action]) return ACTIONS[action];
  // An action added later without words here still reads as words, not a code.
  const words = action.replace(/[._]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const TARGET_TYPES: Record<string, string> = { User: "Member", TeacherInvitation: "Teacher invitation", GuideApplication: "Guide application" };

export function describeTargetType(targetType: string): string {
  return TARGET_TYPES[targetType] ?? targetType;
}

const LABELS: Record<string, string> = {
  changed: "Changed anything",
  previous: "Before",
  sessions: "Sessions ended",
  tokens: "API tokens ended",
  sessionsEnded: "Sessions ended",
  sessionId: "Staff session",
  until: "Until",
  expired: "Ran out by itself",
  via: "How",
  by: "By",
  superuser: "Superuser",
  verified: "Email address vouched for",
  reactivated: "Account reopened",
  emailVerified: "Email address verified",
  identitiesRemoved: "Sign-in links removed",
  inviteeId: "Invitee",
  kind: "Kind",
  id: "Id",
  reason: "Why",
  hadSecondFactor: "Had a second factor",
};

const VALUES: Record<string, string> = { cli: "the console", self: "the member", sign_in: "signing in", google: "Google", email: "email", signed_in: "while signed in", user: "the member" };

function label(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const words = key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function value(v: unknown): string {
  if (v === true) return "Yes";
  if (v === false) return "No";
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") {
    if (VALUES[v]) return VALUES[v];
    // An ISO time reads as one (the page shows it in the reader's time where it can).
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return `${v.slice(0, 16).replace("T", " ")} UTC`;
    return v;
  }
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.map(value).join(", ");
  return Object.entries(v as Record<string, unknown>)
    .map(([k, inner]) => `${label(k)}: ${value(inner)}`)
    .join("; ");
}

/** The details as labelled values, in their stored order: [label, value]. */
export function describeDetails(details: unknown): [string, string][] {
  if (details === null || details === undefined) return [];
  if (typeof details !== "object" || Array.isArray(details)) return [["Details", value(details)]];
  return Object.entries(details as Record<string, unknown>).map(([k, v]) => [label(k), value(v)]);
}
