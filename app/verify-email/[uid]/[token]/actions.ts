"use server";

import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/who/current-user";
import { confirmEmail } from "@/lib/email-verification/confirm";
import type { ActionState } from "../../../components/action-state";
import { runAction } from "../../../components/action-run";
import { formLink } from "../../../components/link-params";
import { withBrowserCaller } from "@/lib/use-case/context";

// Success leaves this page for one that says so: re-rendering the link's own page
// (what happens without JavaScript) would find the link spent and call it unusable.
export async function verifyEmail(_prev: ActionState, form: FormData): Promise<ActionState> {
  let evicted = false;
  const state = await runAction("email.verify_failed", async (_log, ctx) => {
    const session = await getCurrentSession();
    ({ evicted } = await confirmEmail(formLink(form), withBrowserCaller(ctx, session)));
    return "";
  });
  if (state.status === "error") return state;
  redirect(evicted ? "/verify-email/verified?evicted=1" : "/verify-email/verified");
}
