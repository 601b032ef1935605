"use server";

import { redirect } from "next/navigation";
import { isDomainError } from "@/lib/errors";
import { localizedRefusal } from "@/lib/i18n/refusal";
import { pageFieldErrors } from "@/lib/ui-messages";
import { actionFaultMessage } from "@/lib/http/action-fault";
import { confirmPasswordReset } from "@/lib/password-reset/confirm";
import { actionContext } from "../../../components/action-run";
import { formLink } from "../../../components/link-params";
import type { ResetState } from "./state";

// The form's labels, for the use case's sentences that name no single field (lib/ui-messages.ts).
const LABELS = { new_password: "New password", confirm_new_password: "Confirm new password" };

export async function resetPassword(_prev: ResetState, form: FormData): Promise<ResetState> {
  const ctx = await actionContext();
  const { requestId, log } = ctx;
  try {
    await confirmPasswordReset(
      { ...formLink(form), new_password: form.get("new_password"), confirm_new_password: form.get("confirm_new_password") ?? "" },
      ctx,
    );
  } catch (err) {
    if (isDomainError(err)) return { status: "error", ...(await localizedRefusal({ message: err.message, fields: pageFieldErrors(err.fields ?? {}, LABELS) })) };
    return { status: "error", message: actionFaultMessage(err, log, "password_reset.failed", { requestId }), fields: {} };
  }
  redirect("/login?reset=1");
}
