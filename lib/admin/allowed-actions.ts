// What the staff member page offers for one member. The same rules the use cases hold
// (no self-deactivation, staff accounts need a superuser, nobody views staff…), so the
// page shows only what would go through; the use cases still decide when acting.

export type MemberActionKind =
  | "deactivate"
  | "reactivate"
  | "allow-inviting"
  | "stop-inviting"
  | "sign-out-everywhere"
  | "reset-two-factor"
  | "mark-email-verified"
  | "send-reset-link"
  | "view-as"
  | "make-staff"
  | "remove-staff";

export const MEMBER_ACTION_KINDS = [
  "deactivate",
  "reactivate",
  "allow-inviting",
  "stop-inviting",
  "sign-out-everywhere",
  "reset-two-factor",
  "mark-email-verified",
  "send-reset-link",
  "view-as",
  "make-staff",
  "remove-staff",
] as const satisfies readonly MemberActionKind[];

export interface MemberActionOption {
  kind: MemberActionKind;
  label: string;
  /** What it does, in one line, beside the choice. */
  hint: string;
  /** Hard to undo or locks someone out: styled as danger and confirmed first. */
  danger: boolean;
}

const OPTIONS: Record<MemberActionKind, Omit<MemberActionOption, "kind">> = {
  deactivate: { label: "Deactivate", hint: "They cannot sign in; every session and API token ends.", danger: true },
  reactivate: { label: "Reactivate", hint: "They can sign in again.", danger: false },
  "allow-inviting": { label: "Allow inviting", hint: "They may invite teachers once their email address is verified.", danger: false },
  "stop-inviting": { label: "Stop inviting", hint: "They can no longer invite teachers.", danger: false },
  "sign-out-everywhere": { label: "Sign out everywhere", hint: "Ends every session and API token; the account stays open.", danger: true },
  "reset-two-factor": {
    label: "Reset two-factor authentication",
    hint: "Removes their authenticator app and passkeys, signs them out everywhere and emails them. Check who they are first.",
    danger: true,
  },
  "mark-email-verified": { label: "Mark email verified", hint: "You vouch that the address is theirs.", danger: false },
  "send-reset-link": { label: "Send a password reset link", hint: "A link to their own address, valid for a short while.", danger: false },
  "view-as": { label: "View as", hint: "See the site as they do, read-only, for one hour at most.", danger: false },
  "make-staff": { label: "Make staff", hint: "They get the staff area and every staff action.", danger: true },
  "remove-staff": { label: "Remove staff", hint: "They lose the staff area.", danger: false },
};

export function memberActionOption(kind: MemberActionKind): MemberActionOption {
  return { kind, ...OPTIONS[kind] };
}

export interface ActionViewer {
  id: number;
  isSuperuser: boolean;
}

export interface ActionMember {
  id: number;
  email: string | null;
  emailVerifiedAt: Date | null;
  isActive: boolean;
  selfDeactivated: boolean;
  isStaff: boolean;
  isSuperuser: boolean;
  profile: { canInviteTeachers: boolean } | null;
}

export function allowedActions(viewer: ActionViewer, member: ActionMember): { options: MemberActionOption[]; notes: string[] } {
  const self = member.id === viewer.id;
  const staffMember = member.isStaff || member.isSuperuser;
  // requireMayActOn: another staff account or a superuser takes a superuser.
  const mayAct = !staffMember || viewer.isSuperuser || self;
  const kinds: MemberActionKind[] = [];
  const notes: string[] = [];
  if (mayAct && !self) kinds.push(member.isActive ? "deactivate" : "reactivate");
  if (mayAct && member.profile) kinds.push(member.profile.canInviteTeachers ? "stop-inviting" : "allow-inviting");
  if (mayAct) kinds.push("sign-out-everywhere");
  // One's own: on one's security page (the use case refuses it here).
  if (mayAct && !self) kinds.push("reset-two-factor");
  if (!member.emailVerifiedAt && !staffMember) kinds.push("mark-email-verified");
  if (mayAct && member.email && (member.isActive || member.selfDeactivated)) kinds.push("send-reset-link");
  if (!staffMember && member.isActive && !self) kinds.push("view-as");
  if (viewer.isSuperuser && !(self && member.isStaff)) kinds.push(member.isStaff ? "remove-staff" : "make-staff");
  if (!mayAct) notes.push("Only a superuser can act on another staff account.");
  if (staffMember && !member.emailVerifiedAt) notes.push("A staff account proves its email address with its own link.");
  if (!viewer.isSuperuser) notes.push("Only a superuser can give or remove staff access.");
  return { options: kinds.map(memberActionOption), notes };
}
