"use client";

import { ErrorSummary } from "../../components/error-summary";
import { useActionState } from "react";
import { ConfirmStep } from "../../components/confirm-step";
import { Field } from "../../components/field";
import { PasswordInput } from "../../components/password-input";
import { deleteAccountAction } from "./actions";
import { DELETE_IDLE } from "./delete-state";

export function DeleteForm({ username }: { username: string }) {
  const [state, action, pending] = useActionState(deleteAccountAction, DELETE_IDLE);
  const errors = state.status === "error" ? state.fields : {};
  return (
    <section aria-labelledby="delete-heading">
      <h3 id="delete-heading">Delete your account</h3>
      <p className="hint">
        This cannot be undone: your profile, sessions, applications and the invitations you sent are deleted, and your
        username and email become free.
      </p>
      <ConfirmStep opener="Delete account…" open={state.status === "error"}>
        <form action={action} noValidate aria-labelledby="delete-heading">
          {state.status === "error" && <ErrorSummary message={state.message} fields={errors} />}
          <Field
            name="confirm_username"
            label={`Type your username, ${username}, to confirm`}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            error={errors.confirm_username}
          />
          <PasswordInput name="password" label="Your password" autoComplete="current-password" error={errors.password} />
          <button type="submit" disabled={pending} aria-busy={pending} className="button-danger">
            Delete my account
          </button>
        </form>
      </ConfirmStep>
    </section>
  );
}
