"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "../../../components/field";
import { resetPassword } from "./actions";
import type { ResetState } from "./state";

export function ResetForm({ uid, token, username }: { uid: string; token: string; username: string }) {
  const [state, action, pending] = useActionState(resetPassword, { status: "idle" } as ResetState);
  const errors = state.status === "error" ? state.fields : {};
  return (
    <form action={action} noValidate aria-describedby={state.status === "error" ? "form-error" : undefined}>
      <h1>Choose a new password</h1>
      <p>For the account {username}. Saving it signs you out everywhere.</p>
      {state.status === "error" && <FormMessage kind="error">{state.message}</FormMessage>}
      <input type="hidden" name="uid" value={uid} />
      <input type="hidden" name="token" value={token} />
      <Field
        name="new_password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters, not too common, not entirely numbers, not like your username or email."
        error={errors.new_password}
      />
      <Field name="confirm_new_password" label="Confirm new password" type="password" autoComplete="new-password" required error={errors.confirm_new_password} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : "Set new password"}
      </button>
    </form>
  );
}
