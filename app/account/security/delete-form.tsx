"use client";

import { useActionState } from "react";
import { IDLE } from "../../components/action-state";
import { Field, FormMessage } from "../../components/field";
import { deleteAccountAction } from "./actions";

export function DeleteForm() {
  const [state, action, pending] = useActionState(deleteAccountAction, IDLE);
  return (
    <form action={action} noValidate aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete your account</h2>
      <p className="hint">
        This cannot be undone: your profile, sessions, applications and the invitations you sent are deleted, and your
        username and email become free.
      </p>
      {state.status === "error" && <FormMessage kind="error">{state.message}</FormMessage>}
      <Field name="password" label="Your password" type="password" autoComplete="current-password" />
      <button type="submit" disabled={pending} aria-busy={pending} className="danger">
        Delete my account
      </button>
    </form>
  );
}
