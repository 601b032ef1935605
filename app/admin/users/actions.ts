"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runMemberAction, type MemberActionOutcome } from "@/lib/admin/member-action";
import { getCurrentSession, requireStaffAction } from "@/lib/auth/who/current-user";
import { withCaller } from "@/lib/use-case/context";
import { localizedSentence } from "@/lib/i18n/refusal";
import { runAction } from "../../components/action-run";
import type { MemberFormState } from "./[id]/member-form-state";

// The member page's one form (/admin/users/<id>): an adapter with no rules. It checks the
// session first (an action is a public endpoint whatever page rendered it) and hands the
// fields to lib/admin, which owns the reason, the confirmation and the permissions.

const FIELDS = ["action", "userId", "reason", "confirmed"] as const;

export async function memberAction(_prev: MemberFormState, form: FormData): Promise<MemberFormState> {
  const input = Object.fromEntries(FIELDS.map((k) => [k, form.get(k)]));
  const kept = { kind: typeof input.action === "string" ? input.action : undefined, reason: typeof input.reason === "string" ? input.reason : undefined };
  let outcome: MemberActionOutcome | undefined;
  const state = await runAction("admin.action_failed", async (_log, ctx) => {
    const actor = await requireStaffAction();
    const session = await getCurrentSession();
    outcome = await runMemberAction(input, withCaller(ctx, actor, session ? { kind: "browser", id: session.sessionId } : null));
    // The use case says what happened in English (the API's words); the page, in the reader's language.
    return localizedSentence(outcome.message);
  });
  if (state.status !== "done" || !outcome) return { ...state, ...kept } as MemberFormState;
  // The form words the question itself from the chosen action, in the reader's language.
  if (outcome.status === "confirm") return { status: "confirm", message: outcome.message, ...kept };
  if (outcome.then === "account") {
    // The header and the banner show who is viewed: every layout re-renders, not only the page.
    revalidatePath("/", "layout");
    redirect("/account");
  }
  revalidatePath(`/admin/users/${String(input.userId)}`);
  revalidatePath("/admin/users");
  return { status: "done", message: state.message };
}
