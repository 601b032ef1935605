"use server";

import { revalidatePath } from "next/cache";
import { requireStaffAction } from "@/lib/auth/who/current-user";
import { setCanInviteTeachers } from "@/lib/admin/grant-invite";
import { getDb } from "@/lib/db/client";
import { withCaller } from "@/lib/use-case/context";
import { acceptInvitationOnBehalf } from "@/lib/invitations/accept";
import { asStaff } from "../../components/acting-context";
import { cancelInvitation } from "@/lib/invitations/cancel";
import { runAction } from "../../components/action-run";
import { getTranslations } from "next-intl/server";
import type { ActionState } from "../../components/action-state";

// Staff actions check the session themselves (requireStaffAction first): an action is a
// public endpoint whatever page rendered it. The domain functions re-check in the database.

export async function staffCancelInvitationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin.action_failed", async (_log, ctx) => {
    const invitation = await cancelInvitation({ invitationId: form.get("invitationId") }, await asStaff(ctx));
    revalidatePath("/admin/invitations");
    return (await getTranslations("adminInvitations"))("cancelled", { email: invitation.inviteeEmail });
  });
}

export async function staffAcceptOnBehalfAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin.action_failed", async (_log, ctx) => {
    const { invitation } = await acceptInvitationOnBehalf({ invitationId: form.get("invitationId") }, await asStaff(ctx));
    revalidatePath("/admin/invitations");
    const t = await getTranslations("adminInvitations");
    return t("acceptedOnBehalf", { username: invitation.invitee?.username ?? t("theInvitee") });
  });
}

/** "Invite a teacher" for a staff member without the permission yet: the one audited staff action, on themselves. */
export async function allowSelfInvitingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("admin.action_failed", async (_log, ctx) => {
    const staff = await requireStaffAction();
    // Only oneself from this form: the member page is the place to act on others.
    await setCanInviteTeachers({ userId: staff.id, canInviteTeachers: true, reason: form.get("reason") }, withCaller(ctx, staff, null));
    revalidatePath("/admin/invitations");
    revalidatePath("/invitations");
    return (await getTranslations("adminInvitations"))("nowInvite");
  });
}
