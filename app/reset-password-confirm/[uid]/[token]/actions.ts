"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { actionFaultMessage } from "@/lib/http/action-fault";
import { confirmPasswordReset } from "@/lib/password-reset/confirm";
import { actionContext } from "../../../components/action-run";
import { formLink } from "../../../components/link-params";
import { PASSWORDS_DIFFER, type ResetState } from "./state";

export async function resetPassword(_prev: ResetState, form: FormData): Promise<ResetState> {
  const { requestId, log } = await actionContext();
  const password = form.get("new_password");
  const confirmation = form.get("confirm_new_password");
  if (typeof password === "string" && password !== "" && password !== confirmation) {
    return { status: "error", message: PASSWORDS_DIFFER, fields: { confirm_new_password: PASSWORDS_DIFFER } };
  }
  try {
    await confirmPasswordReset({ ...formLink(form), new_password: password }, { db: getDb(), log });
  } catch (err) {
    if (isDomainError(err)) return { status: "error", message: err.message, fields: err.fields ?? {} };
    return { status: "error", message: actionFaultMessage(err, log, "password_reset.failed", { requestId }), fields: {} };
  }
  redirect("/login?reset=1");
}
