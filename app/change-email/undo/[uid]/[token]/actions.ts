"use server";

import { redirect } from "next/navigation";
import { undoEmailChange } from "@/lib/email-change/undo";
import type { ActionState } from "../../../../components/action-state";
import { actionContext, runAction } from "../../../../components/action-run";
import { formLink } from "../../../../components/link-params";

// Success leaves for a page that says so: the link is spent, and this browser's session
// (if it had one) has just ended with every other.
export async function undoEmailChangeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction("email_change.undo_failed", async () => {
    await undoEmailChange(formLink(form), await actionContext());
    return "";
  });
  if (state.status === "error") return state;
  redirect("/change-email/undone");
}
