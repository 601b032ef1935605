"use server";

import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/auth/who/next-path";
import { isDomainError } from "@/lib/errors";
import { actionFaultMessage } from "@/lib/http/action-fault";
import { localizedSentence } from "@/lib/i18n/refusal";
import { finishBrowserSecondStep } from "@/lib/two-factor/browser-step";
import type { ActionState } from "../../components/action-state";
import { actionContext } from "../../components/action-run";

export async function verifySecondStep(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await actionContext();
  const { requestId, log } = ctx;
  const code = form.get("code");
  try {
    await finishBrowserSecondStep(typeof code === "string" ? code : "", form.get("trust") === "on", ctx);
  } catch (err) {
    if (isDomainError(err)) return { status: "error", message: await localizedSentence(err.message) };
    return { status: "error", message: actionFaultMessage(err, log, "two_factor.sign_in_failed", { doing: "while signing in", requestId }) };
  }
  const next = form.get("next");
  redirect(safeNextPath(typeof next === "string" ? next : undefined));
}
