// The audit log for people: each recorded action in plain words ("Approved guide
// application"), details as labelled values. Codes stay the stored truth (filters, API);
// these are only how staff pages say them, in the reader's language (catalogue
// namespace adminAudit). English is the default: the staff CSV export and the tests
// read the English words.

import type { Locale } from "../i18n/config";
import { translator } from "../i18n/translator";

// Stored code -> catalogue key, written out so the catalogue test sees each key used.
const ACTIONS = {
  "account.claimed_by_mailbox": "adminAudit.actions.accountClaimedByMailbox",
  "account.created_via_google": "adminAudit.actions.accountCreatedViaGoogle",
  "account.deactivated": "adminAudit.actions.accountDeactivated",
  "account.deleted": "adminAudit.actions.accountDeleted",
  "account.google_linked": "adminAudit.actions.accountGoogleLinked",
  "account.google_unlinked": "adminAudit.actions.accountGoogleUnlinked",
  "account.reactivated": "adminAudit.actions.accountReactivated",
  "email.change_requested": "adminAudit.actions.emailChangeRequested",
  "email.changed": "adminAudit.actions.emailChanged",
  "email.verified": "adminAudit.actions.emailVerified",
  "guide_application.submitted": "adminAudit.actions.guideApplicationSubmitted",
  "guide_application.approved": "adminAudit.actions.guideApplicationApproved",
  "guide_application.rejected": "adminAudit.actions.guideApplicationRejected",
  "invitation.sent": "adminAudit.actions.invitationSent",
  "invitation.accepted": "adminAudit.actions.invitationAccepted",
  "invitation.accepted_on_behalf": "adminAudit.actions.invitationAcceptedOnBehalf",
  "invitation.cancelled": "adminAudit.actions.invitationCancelled",
  "invitation.expired": "adminAudit.actions.invitationExpired",
  "password.changed": "adminAudit.actions.passwordChanged",
  "password.reset": "adminAudit.actions.passwordReset",
  "profile.invite_permission_granted": "adminAudit.actions.profileInvitePermissionGranted",
  "profile.invite_permission_revoked": "adminAudit.actions.profileInvitePermissionRevoked",
  "session.revoked": "adminAudit.actions.sessionRevoked",
  "session.revoked_all": "adminAudit.actions.sessionRevokedAll",
  "session.revoked_others": "adminAudit.actions.sessionRevokedOthers",
  "two_factor.enabled": "adminAudit.actions.twoFactorEnabled",
  "two_factor.disabled": "adminAudit.actions.twoFactorDisabled",
  "two_factor.recovery_codes_regenerated": "adminAudit.actions.twoFactorRecoveryCodesRegenerated",
  "two_factor.reset_by_staff": "adminAudit.actions.twoFactorResetByStaff",
  "two_factor.passkey_added": "adminAudit.actions.twoFactorPasskeyAdded",
  "two_factor.passkey_removed": "adminAudit.actions.twoFactorPasskeyRemoved",
  "user.activated": "adminAudit.actions.userActivated",
  "user.deactivated": "adminAudit.actions.userDeactivated",
  "user.email_marked_verified": "adminAudit.actions.userEmailMarkedVerified",
  "user.password_reset_sent": "adminAudit.actions.userPasswordResetSent",
  "user.staff_created": "adminAudit.actions.userStaffCreated",
  "user.staff_granted": "adminAudit.actions.userStaffGranted",
  "user.staff_removed": "adminAudit.actions.userStaffRemoved",
  "user.view_as_started": "adminAudit.actions.userViewAsStarted",
  "user.view_as_stopped": "adminAudit.actions.userViewAsStopped",
} as const;

const TARGET_TYPES = {
  User: "adminAudit.targets.User",
  TeacherInvitation: "adminAudit.targets.TeacherInvitation",
  GuideApplication: "adminAudit.targets.GuideApplication",
} as const;

const LABELS = {
  changed: "adminAudit.labels.changed",
  previous: "adminAudit.labels.previous",
  sessions: "adminAudit.labels.sessions",
  tokens: "adminAudit.labels.tokens",
  sessionsEnded: "adminAudit.labels.sessionsEnded",
  sessionId: "adminAudit.labels.sessionId",
  until: "adminAudit.labels.until",
  expired: "adminAudit.labels.expired",
  via: "adminAudit.labels.via",
  by: "adminAudit.labels.by",
  superuser: "adminAudit.labels.superuser",
  verified: "adminAudit.labels.verified",
  reactivated: "adminAudit.labels.reactivated",
  emailVerified: "adminAudit.labels.emailVerified",
  identitiesRemoved: "adminAudit.labels.identitiesRemoved",
  inviteeId: "adminAudit.labels.inviteeId",
  kind: "adminAudit.labels.kind",
  id: "adminAudit.labels.id",
  reason: "adminAudit.labels.reason",
  hadSecondFactor: "adminAudit.labels.hadSecondFactor",
} as const;

const VALUES = {
  cli: "adminAudit.values.cli",
  self: "adminAudit.values.self",
  sign_in: "adminAudit.values.signIn",
  google: "adminAudit.values.google",
  email: "adminAudit.values.email",
  signed_in: "adminAudit.values.signedIn",
  user: "adminAudit.values.user",
} as const;

function known<T extends object>(map: T, key: string): T[keyof T] | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key as keyof T] : undefined;
}

/** The known actions, for the filter's suggestions: [code, words]. */
export function knownAuditActions(locale: Locale = "en"): [string, string][] {
  return Object.keys(ACTIONS).map((code) => [code, describeAction(code, locale)]);
}

/** The known actions in English: [code, words]. */
export const KNOWN_AUDIT_ACTIONS: [string, string][] = knownAuditActions("en");

export function describeAction(action: string, locale: Locale = "en"): string {
  const key = known(ACTIONS, action);
  if (key) return translator(locale)(key);
  // An action added later without words here still reads as words, not a code.
  const words = action.replace(/[._]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function describeTargetType(targetType: string, locale: Locale = "en"): string {
  const key = known(TARGET_TYPES, targetType);
  return key ? translator(locale)(key) : targetType;
}

function label(key: string, locale: Locale): string {
  const known_ = known(LABELS, key);
  if (known_) return translator(locale)(known_);
  const words = key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function value(v: unknown, locale: Locale): string {
  const t = translator(locale);
  if (v === true) return t("adminAudit.yes");
  if (v === false) return t("adminAudit.no");
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") {
    const key = known(VALUES, v);
    if (key) return t(key);
    // An ISO time reads as one (the page shows it in the reader's time where it can).
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return `${v.slice(0, 16).replace("T", " ")} UTC`;
    return v;
  }
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.map((inner) => value(inner, locale)).join(", ");
  return Object.entries(v as Record<string, unknown>)
    .map(([k, inner]) => `${label(k, locale)}: ${value(inner, locale)}`)
    .join("; ");
}

/** The details as labelled values, in their stored order: [label, value]. */
export function describeDetails(details: unknown, locale: Locale = "en"): [string, string][] {
  if (details === null || details === undefined) return [];
  if (typeof details !== "object" || Array.isArray(details)) return [[translator(locale)("adminAudit.details"), value(details, locale)]];
  return Object.entries(details as Record<string, unknown>).map(([k, v]) => [label(k, locale), value(v, locale)]);
}
