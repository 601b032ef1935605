"use server";

import { revalidatePath } from "next/cache";
import { requireOwnSessionAction } from "@/lib/auth/who/current-user";
import { getDb } from "@/lib/db/client";
import { confirmSecondFactor } from "@/lib/two-factor/step-up";
import { runAction } from "./action-run";
import type { ActionState } from "./action-state";

/** "Confirm it's you": a code proves the second factor for this browser session for 10 minutes. */
export async function confirmStepUpAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("two_factor.step_up_failed", async (log) => {
    const { user, sessionId } = await requireOwnSessionAction();
    await confirmSecondFactor(getDb(), user.id, { kind: "browser", id: sessionId }, form.get("step_up_code"), log);
    const page = form.get("page");
    if (typeof page === "string" && /^\/[a-z0-9/_-]{0,100}$/.test(page)) revalidatePath(page);
    return "Confirmed: for the next 10 minutes you can change your password, delete the account, and use the staff tools that ask for it.";
  });
}
