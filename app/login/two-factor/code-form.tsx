"use client";

import { useActionState } from "react";
import { IDLE } from "../../components/action-state";
import { Field, FormMessage } from "../../components/field";
import { verifySecondStep } from "./actions";

// Without JavaScript the form posts to the server action and the page comes back with
// the refusal, or a redirect on success.
export function CodeForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(verifySecondStep, IDLE);
  const failed = state.status === "error";
  return (
    <form action={action} noValidate aria-describedby={failed ? "form-error" : undefined}>
      <h1>Two-factor authentication</h1>
      {failed && <FormMessage kind="error">{state.message}</FormMessage>}
      <input type="hidden" name="next" value={next} />
      <Field
        name="code"
        label="Authentication code"
        hint="The 6-digit code from your authenticator app, or one of your recovery codes."
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={64}
        invalid={failed}
      />
      <div className="field">
        <label>
          <input type="checkbox" name="trust" /> Trust this browser for 30 days
        </label>
      </div>
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Verifying…" : "Verify"}
      </button>
    </form>
  );
}
