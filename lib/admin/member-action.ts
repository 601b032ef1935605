import { z } from "zod";
import { parseInput } from "../validation/parse";
import { MEMBER_ACTION_KINDS, memberActionOption, type MemberActionKind } from "./allowed-actions";
import { setCanInviteTeachers } from "./grant-invite";
import { reasonSchema } from "./schemas";
import { markEmailVerified } from "./mark-email-verified";
import { resetTwoFactorByStaff } from "./reset-two-factor";
import { sendPasswordResetByStaff } from "./send-reset-link";
import { setUserActive } from "./set-active";
import { setStaff } from "./set-staff";
import { signOutEverywhere } from "./sign-out-everywhere";
import { parseStaffInput } from "./staff-action";
import type { UseCaseContext } from "../use-case/context";
import { startViewAs } from "./view-as";

// The member page's one form: choose an action, give one reason, confirm the dangerous
// ones. Each choice runs its own use case (which parses the reason and decides again).

const memberActionSchema = z.object(
  {
    action: z.enum(MEMBER_ACTION_KINDS, { error: "Choose an action." }),
    userId: z.unknown(),
    reason: z.unknown(),
    confirmed: z.unknown().optional(),
  },
  { error: "The request body must be a JSON object." },
);

export type MemberActionOutcome =
  | { status: "confirm"; kind: MemberActionKind; message: string }
  | { status: "done"; kind: MemberActionKind; message: string; then?: "account" };


const RUN: Record<MemberActionKind, (userId: unknown, reason: unknown, ctx: UseCaseContext) => Promise<string>> = {
  deactivate: async (userId, reason, ctx) => `${(await setUserActive({ userId, reason, active: false }, ctx)).username} is now inactive.`,
  reactivate: async (userId, reason, ctx) => `${(await setUserActive({ userId, reason, active: true }, ctx)).username} is now active.`,
  "allow-inviting": async (userId, reason, ctx) => `${(await setCanInviteTeachers({ userId, reason, canInviteTeachers: true }, ctx)).username} can now invite teachers.`,
  "stop-inviting": async (userId, reason, ctx) => `${(await setCanInviteTeachers({ userId, reason, canInviteTeachers: false }, ctx)).username} can no longer invite teachers.`,
  "sign-out-everywhere": async (userId, reason, ctx) => {
    const r = await signOutEverywhere({ userId, reason }, ctx);
    // Whole sentences per number, so the pages find each in the catalogue (lib/i18n/domain-message.ts).
    return r.revoked === 1 ? `${r.username} was signed out of 1 session.` : `${r.username} was signed out of ${r.revoked.toLocaleString("en")} sessions.`;
  },
  "reset-two-factor": async (userId, reason, ctx) =>
    `${(await resetTwoFactorByStaff({ userId, reason }, ctx)).username}'s two-factor authentication was reset; they were signed out everywhere and emailed.`,
  "mark-email-verified": async (userId, reason, ctx) => {
    const r = await markEmailVerified({ userId, reason }, ctx);
    return r.changed ? `${r.username}'s email is now marked verified.` : `${r.username}'s email was already verified.`;
  },
  "send-reset-link": async (userId, reason, ctx) => `A password reset link was sent to ${(await sendPasswordResetByStaff({ userId, reason }, ctx)).username}'s email address.`,
  "view-as": async (userId, reason, ctx) => `Viewing as ${(await startViewAs({ userId, reason }, ctx)).username}.`,
  "make-staff": async (userId, reason, ctx) => `${(await setStaff({ userId, reason, isStaff: true }, ctx)).username} is now staff.`,
  "remove-staff": async (userId, reason, ctx) => `${(await setStaff({ userId, reason, isStaff: false }, ctx)).username} is no longer staff.`,
};

export async function runMemberAction(input: unknown, ctx: UseCaseContext): Promise<MemberActionOutcome> {
  const { action, userId, reason, confirmed } = parseStaffInput(ctx, memberActionSchema, input);
  const option = memberActionOption(action);
  if (option.danger && confirmed !== "yes") {
    // Validate before asking to confirm, so an empty reason is said now, not after.
    parseInput(z.object({ reason: reasonSchema }), { reason });
    return { status: "confirm", kind: action, message: `${option.label}: ${option.hint} Are you sure?` };
  }
  const message = await RUN[action](userId, reason, ctx);
  return { status: "done", kind: action, message, then: action === "view-as" ? "account" : undefined };
}
