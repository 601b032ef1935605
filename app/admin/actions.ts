"use server";

import { actionFaultMessage } from "@/lib/http/action-fault";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { requireStaffAction } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { REQUEST_ID_HEADER } from "@/lib/log/request-id";
import { setCanInviteTeachers } from "@/lib/invitations/grant";
import { setUserActive } from "@/lib/users/set-active";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";
import type { ActionState } from "../components/action-state";

async function run(describe: () => Promise<string>): Promise<ActionState> {
  const requestId = (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  try {
    const message = await describe();
    revalidatePath("/admin");
    return { status: "done", message };
  } catch (err) {
    if (isDomainError(err)) return { status: "error", message: err.message };
    const message = actionFaultMessage(err, logger.child({ requestId }), "admin.action_failed", { requestId, retry: false });
    return { status: "error", message };
  }
}

// Staff actions check the session themselves: an action is a public endpoint whatever
// page it was rendered on.
export async function setActiveAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async () => {
    const staff = await requireStaffAction();
    const result = await setUserActive({ userId: form.get("userId"), active: form.get("active") }, staff, getDb());
    return `${result.username} is now ${result.isActive ? "active" : "inactive"}.`;
  });
}

export async function setInviteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async () => {
    const staff = await requireStaffAction();
    const result = await setCanInviteTeachers(
      { userId: form.get("userId"), canInviteTeachers: form.get("canInviteTeachers") },
      staff,
      getDb(),
    );
    const target = await getDb().user.findUnique({ where: { id: result.userId }, select: { username: true } });
    return `${target?.username ?? `User ${result.userId}`} ${result.canInviteTeachers ? "can now" : "can no longer"} invite teachers.`;
  });
}

export async function signOutEverywhereAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async () => {
    const staff = await requireStaffAction();
    const result = await signOutEverywhere({ userId: form.get("userId") }, staff, getDb());
    return `${result.username} was signed out of ${result.revoked} session${result.revoked === 1 ? "" : "s"}.`;
  });
}
