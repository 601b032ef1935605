"use client";

import { useActionState } from "react";
import { IDLE } from "./action-state";
import { Field, FormMessage } from "./field";
import { confirmStepUpAction } from "./step-up-action";

// "Confirm it's you" (works without JavaScript): with two-factor authentication on, the
// sensitive actions on this page want a code from the last 10 minutes.
export function StepUpForm({ page, fresh }: { page: string; fresh: boolean }) {
  const [state, action, pending] = useActionState(confirmStepUpAction, IDLE);
  return (
    <form action={action} noValidate aria-labelledby="step-up-heading">
      <h2 id="step-up-heading">Confirm it’s you</h2>
      {state.status === "done" ? (
        <FormMessage kind="success">{state.message}</FormMessage>
      ) : fresh ? (
        <p>Confirmed within the last 10 minutes.</p>
      ) : (
        <p>Changing your password, deleting your account, “view as”, making someone staff and the CSV export need a code from your authenticator app (or a recovery code) from the last 10 minutes.</p>
      )}
      {state.status === "error" && <FormMessage kind="error">{state.message}</FormMessage>}
      <input type="hidden" name="page" value={page} />
      <Field name="step_up_code" label="Authentication code" autoComplete="one-time-code" maxLength={64} invalid={state.status === "error"} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        Confirm it’s you
      </button>
    </form>
  );
}
