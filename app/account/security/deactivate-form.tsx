"use client";

import { useActionState } from "react";
import { IDLE } from "../../components/action-state";
import { Field, FormMessage } from "../../components/field";
import { deactivateAction } from "./actions";

export function DeactivateForm() {
  const [state, action, pending] = useActionState(deactivateAction, IDLE);
  return (
    <form action={action} noValidate>
      <h2>Deactivate your account</h2>
      <p className="hint">
        You will be signed out everywhere. Signing in again with your password reactivates the account.
      </p>
      {state.status === "error" && <FormMessage kind="error">{state.message}</FormMessage>}
      <Field name="reason" label="Why are you leaving?" optional maxLength={1000} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        Deactivate account
      </button>
    </form>
  );
}
