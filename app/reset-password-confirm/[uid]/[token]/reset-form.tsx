"use client";

import { ErrorSummary } from "../../../components/error-summary";
import { useActionState } from "react";
import { pageFieldErrors } from "@/lib/ui-messages";
import { PasswordInput } from "../../../components/password-input";
import { resetPassword } from "./actions";
import type { ResetState } from "./state";

const LABELS = { new_password: "New password", confirm_new_password: "Confirm new password" };

export function ResetForm({ uid, token, username }: { uid: string; token: string; username: string }) {
  const [state, action, pending] = useActionState(resetPassword, { status: "idle" } as ResetState);
  const errors = state.status === "error" ? pageFieldErrors(state.fields, LABELS) : {};
  return (
    <form action={action} noValidate aria-describedby={state.status === "error" ? "form-error" : undefined}>
      <h1>Choose a new password</h1>
      <p>For the account {username}. Saving it signs you out everywhere.</p>
      {state.status === "error" && <ErrorSummary message={state.message} fields={errors} />}
      <input type="hidden" name="uid" value={uid} />
      <input type="hidden" name="token" value={token} />
      <PasswordInput name="new_password" label="New password" autoComplete="new-password" required rules error={errors.new_password} />
      <PasswordInput name="confirm_new_password" label="Confirm new password" autoComplete="new-password" required error={errors.confirm_new_password} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : "Set new password"}
      </button>
    </form>
  );
}
