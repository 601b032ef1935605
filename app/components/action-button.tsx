"use client";

import { useActionState, useId } from "react";
import { IDLE, type ActionState } from "./action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * One button posting hidden fields to a server action (works without JavaScript); the
 * outcome is announced next to it, errors as alerts. With `askReason`, a staff action on a
 * person: a required "Reason" field first, which goes into the audit log.
 */
export function ActionButton(props: {
  action: Action;
  fields: Record<string, string | number>;
  label: string;
  /** A fuller name for assistive technology when the visible label is short ("Cancel"). */
  ariaLabel?: string;
  className?: string;
  /** false: the form is a block of its own (the staff user table puts it under the value). Default true. */
  inline?: boolean;
  askReason?: boolean;
}) {
  const [state, action, pending] = useActionState(props.action, IDLE);
  const id = useId();
  const formClass = props.askReason ? "reason-action" : props.inline === false ? undefined : "inline-form";
  return (
    <form action={action} className={formClass} aria-label={props.askReason ? (props.ariaLabel ?? props.label) : undefined}>
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      {props.askReason && (
        <>
          <label htmlFor={`${id}-reason`}>Reason for “{props.label}”</label>
          <input id={`${id}-reason`} name="reason" required maxLength={500} autoComplete="off" />
        </>
      )}
      <button type="submit" disabled={pending} aria-busy={pending} aria-label={props.ariaLabel} className={props.className}>
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
