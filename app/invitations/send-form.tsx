"use client";

import { useActionState } from "react";
import { sendInvitationAction } from "./actions";
import type { SendState } from "./state";

const initial: SendState = { status: "idle" };

export function SendInvitationForm({ messageMax }: { messageMax: number }) {
  // Without JavaScript the form posts to the server action and the page comes back
  // rendered with the returned state.
  const [state, action, pending] = useActionState(sendInvitationAction, initial);
  const errors = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? state.values : { inviteeEmail: "", personalMessage: "" };
  const describe = (name: string, hint?: string) =>
    [errors[name] ? `${name}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  const fieldError = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="field-error">
        {errors[name]}
      </p>
    ) : null;

  return (
    // key: a refused form comes back with what was typed; a sent one comes back empty.
    <form action={action} noValidate key={state.status === "idle" ? 0 : state.n} aria-describedby={state.status === "error" ? "form-error" : undefined}>
      <h2>Invite a teacher</h2>
      {state.status === "error" && (
        <div id="form-error" className="form-error" role="alert">
          {state.message}
        </div>
      )}
      {state.status === "sent" && (
        <div className="success" role="status">
          {state.message}
        </div>
      )}

      <div className="field">
        <label htmlFor="inviteeEmail">Their email</label>
        <input
          id="inviteeEmail"
          name="inviteeEmail"
          type="email"
          autoComplete="off"
          required
          maxLength={254}
          defaultValue={values.inviteeEmail}
          aria-invalid={errors.inviteeEmail ? true : undefined}
          aria-describedby={describe("inviteeEmail")}
        />
        {fieldError("inviteeEmail")}
      </div>

      <div className="field">
        <label htmlFor="personalMessage">
          Personal message <span className="hint">(optional)</span>
        </label>
        <textarea
          id="personalMessage"
          name="personalMessage"
          maxLength={messageMax}
          defaultValue={values.personalMessage}
          aria-invalid={errors.personalMessage ? true : undefined}
          aria-describedby={describe("personalMessage", "personalMessage-hint")}
        />
        <span id="personalMessage-hint" className="hint">
          At most {messageMax} characters. Included in the email.
        </span>
        {fieldError("personalMessage")}
      </div>

      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Sending…" : "Send invitation"}
      </button>
    </form>
  );
}
