"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentSession, requireStaffAction } from "@/lib/auth/current-user";
import { startViewAs } from "@/lib/auth/view-as";
import { getDb } from "@/lib/db/client";
import { setCanInviteTeachers } from "@/lib/invitations/grant";
import { sendPasswordResetByStaff } from "@/lib/password-reset/send-by-staff";
import { requiredReasonSchema } from "@/lib/users/admin-schema";
import { markEmailVerified } from "@/lib/users/mark-email-verified";
import { setUserActive } from "@/lib/users/set-active";
import { setStaff } from "@/lib/users/set-staff";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";
import { resetTwoFactorByStaff } from "@/lib/two-factor/staff-reset";
import { parseInput } from "@/lib/validation/parse";
import { runAction } from "../../components/action-run";
import type { ActionState } from "../../components/action-state";

// Staff actions on one person (/admin/users/<id>). Each checks the session itself
// (requireStaffAction first: an action is a public endpoint whatever page rendered it),
// asks for a reason that goes into the audit row, and calls the one use case; the use
// case re-checks staff (and superuser) in the database.

async function staffWithReason(form: FormData) {
  const staff = await requireStaffAction();
  const { reason } = parseInput(requiredReasonSchema, { reason: form.get("reason") });
  return { staff, reason: reason.trim(), userId: form.get("userId") };
}

function refresh(userId: number) {
  revalidatePath(`/admin/users/${userId}`);
  revalidatePath("/admin/users");
}

export async function setActiveAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin.action_failed", async (log) => {
    const { staff, reason, userId } = await staffWithReason(form);
    const result = await setUserActive({ userId, active: form.get("active"), reason }, staff, getDb(), log);
    refresh(result.userId);
    return `${result.username} is now ${result.isActive ? "active" : "inactive"}.`;
  });
}

export async function setInviteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin.action_failed", async (log) => {
    const { staff, reason, userId } = await staffWithReason(form);
    const result = await setCanInviteTeachers({ userId, canInviteTeachers: form.get("canInviteTeachers"), reason }, staff, getDb(), log);
    refresh(result.userId);
    const target = await getDb().user.findUnique({ where: { id: result.userId }, select: { username: true } });
    return `${target?.username ?? `User ${result.userId}`} ${result.canInviteTeachers ? "can now" : "can no longer"} invite teachers.`;
  });
}

export async function signOutEverywhereAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin.action_failed", async (log) => {
    const { staff, reason, userId } = await staffWithReason(form);
    const result = await signOutEverywhere({ userId, reason }, staff, getDb(), log);
    refresh(result.userId);
    return `${result.username} was signed out of ${result.revoked} session${result.revoked === 1 ? "" : "s"}.`;
  });
}

export async function markEmailVerifiedAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin.action_failed", async (log) => {
    const { staff, reason, userId } = await staffWithReason(form);
    const result = await markEmailVerified({ userId, reason }, staff, getDb(), log);
    refresh(result.userId);
    return result.changed ? `${result.username}'s email is now marked verified.` : `${result.username}'s email was already verified.`;
  });
}

export async function sendPasswordResetAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin.action_failed", async (log) => {
    const { staff, reason, userId } = await staffWithReason(form);
    const result = await sendPasswordResetByStaff({ userId, reason }, staff, getDb(), log);
    refresh(result.userId);
    return `A password reset link was sent to ${result.username}'s email address.`;
  });
}

export async function setStaffAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin.action_failed", async (log) => {
    const { staff, reason, userId } = await staffWithReason(form);
    const session = await getCurrentSession();
    const credential = session ? ({ kind: "browser", id: session.sessionId } as const) : null;
    const result = await setStaff({ userId, isStaff: form.get("isStaff"), reason }, staff, getDb(), log, credential);
    refresh(result.userId);
    return `${result.username} ${result.isStaff ? "is now staff" : "is no longer staff"}.`;
  });
}

/** Starts viewing the site as this member (at most an hour) and opens their account page. */
export async function startViewAsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction("admin.action_failed", async (log) => {
    const { staff, reason, userId } = await staffWithReason(form);
    const session = await getCurrentSession();
    if (!session) return "Your session has ended. Sign in again and retry.";
    const result = await startViewAs({ userId, reason }, staff, session.sessionId, getDb(), log);
    return `Viewing as ${result.username}.`;
  });
  // Outside runAction: redirect() works by throwing. Every layout re-renders (the header and
  // the banner show who is viewed), not only the page.
  if (state.status === "done") {
    revalidatePath("/", "layout");
    redirect("/account");
  }
  return state;
}

export async function resetTwoFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin.action_failed", async (log) => {
    const { staff, reason, userId } = await staffWithReason(form);
    const result = await resetTwoFactorByStaff({ userId, reason }, staff, getDb(), log);
    refresh(result.userId);
    return `${result.username}'s two-factor authentication was reset; they were signed out everywhere and emailed.`;
  });
}
