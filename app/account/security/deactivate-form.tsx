"use client";

import { ErrorSummary } from "../../components/error-summary";
import { useActionState } from "react";
import { IDLE } from "../../components/action-state";
import { ConfirmStep } from "../../components/confirm-step";
import { Field } from "../../components/field";
import { deactivateAction } from "./actions";

export function DeactivateForm() {
  const [state, action, pending] = useActionState(deactivateAction, IDLE);
  return (
    <section aria-labelledby="deactivate-heading">
      <h3 id="deactivate-heading">Deactivate your account</h3>
      <p className="hint">You will be signed out everywhere. Signing in again with your password reactivates the account.</p>
      <ConfirmStep opener="Deactivate account…" open={state.status === "error"}>
        <form action={action} noValidate>
          <p>Are you sure? Every device signed in to this account is signed out now.</p>
          {state.status === "error" && <ErrorSummary message={state.message} />}
          <Field name="reason" label="Why are you leaving?" optional maxLength={1000} />
          <button type="submit" disabled={pending} aria-busy={pending} className="button-danger">
            Yes, deactivate my account
          </button>
        </form>
      </ConfirmStep>
    </section>
  );
}
