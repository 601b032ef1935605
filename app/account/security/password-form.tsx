"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "../../components/field";
import { changePasswordAction } from "./actions";
import type { PasswordState } from "./password-state";

// Works without JavaScript: the form posts to the server action and the page comes back
// with the outcome. Password fields are never refilled.
export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, { status: "idle" } as PasswordState);
  const errors = state.status === "error" ? state.fields : {};
  return (
    <form action={action} noValidate aria-describedby={state.status === "error" ? "form-error" : undefined}>
      <h2>Change your password</h2>
      {state.status === "error" && <FormMessage kind="error">{state.message}</FormMessage>}
      {state.status === "changed" && <FormMessage kind="success">{state.message}</FormMessage>}
      <Field name="current_password" label="Current password" type="password" autoComplete="current-password" error={errors.current_password} />
      <Field
        name="new_password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters, not too common, not entirely numbers, not like your username or email."
        error={errors.new_password}
      />
      <Field name="confirm_new_password" label="Confirm new password" type="password" autoComplete="new-password" error={errors.confirm_new_password} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
