"use server";

import { redirect } from "next/navigation";
import { confirmEmailChange } from "@/lib/email-change/confirm";
import type { ActionState } from "../../../components/action-state";
import { actionContext, runAction } from "../../../components/action-run";
import { formLink } from "../../../components/link-params";

// Success leaves this page for one that says so: re-rendering the link's own page (what
// happens without JavaScript) would find the link spent and call it unusable.
export async function confirmEmailChangeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction("email_change.confirm_failed", async () => {
    await confirmEmailChange(formLink(form), await actionContext());
    return "";
  });
  if (state.status === "error") return state;
  redirect("/change-email/done");
}
