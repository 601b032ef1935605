"use client";

import { useActionState, useId } from "react";
import { IDLE, type ActionState } from "./action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * A staff action on a person that asks why first: a required "Reason" field (it goes into
 * the audit log) and one button, posting hidden fields to a server action. Works without
 * JavaScript; the outcome is announced next to the button, errors as alerts.
 */
export function ReasonAction(props: { action: Action; fields: Record<string, string | number>; label: string; ariaLabel?: string }) {
  const [state, action, pending] = useActionState(props.action, IDLE);
  const id = useId();
  return (
    <form action={action} className="reason-action" aria-label={props.ariaLabel ?? props.label}>
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      <label htmlFor={`${id}-reason`}>Reason for “{props.label}”</label>
      <input id={`${id}-reason`} name="reason" required maxLength={500} autoComplete="off" />
      <button type="submit" disabled={pending} aria-busy={pending} aria-label={props.ariaLabel}>
        {props.label}
      </button>
      {state.status !== "idle" && (
        <span role={state.status === "error" ? "alert" : "status"} className={state.status === "error" ? "field-error" : "hint"}>
          {" "}
          {state.message}
        </span>
      )}
    </form>
  );
}
