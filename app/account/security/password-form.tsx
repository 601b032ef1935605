"use client";

import { ErrorSummary } from "../../components/error-summary";
import { useActionState } from "react";
import { pageFieldErrors } from "@/lib/ui-messages";
import { FormMessage } from "../../components/field";
import { PasswordInput } from "../../components/password-input";
import { changePasswordAction } from "./actions";
import type { PasswordState } from "./password-state";

// Works without JavaScript: the form posts to the server action and the page comes back
// with the outcome. Password fields are never refilled.
const LABELS = { current_password: "Current password", new_password: "New password", confirm_new_password: "Confirm new password" };

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, { status: "idle" } as PasswordState);
  const errors = state.status === "error" ? pageFieldErrors(state.fields, LABELS) : {};
  return (
    <form action={action} noValidate aria-describedby={state.status === "error" ? "form-error" : undefined}>
      <h2>Change your password</h2>
      {state.status === "error" && <ErrorSummary message={state.message} fields={errors} />}
      {state.status === "changed" && <FormMessage kind="success">{state.message}</FormMessage>}
      <PasswordInput name="current_password" label="Current password" autoComplete="current-password" error={errors.current_password} />
      <PasswordInput name="new_password" label="New password" autoComplete="new-password" rules error={errors.new_password} />
      <PasswordInput name="confirm_new_password" label="Confirm new password" autoComplete="new-password" error={errors.confirm_new_password} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
