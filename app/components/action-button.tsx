"use client";

import { useActionState } from "react";
import { ArrivalFocus } from "./arrival-focus";
import { IDLE, type ActionState } from "./action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * One button posting hidden fields to a server action (works without JavaScript); the
 * outcome is announced next to it, errors as alerts.
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
}) {
  const [state, action, pending] = useActionState(props.action, IDLE);
  const formClass = props.inline === false ? undefined : "inline-form";
  return (
    <form action={action} className={formClass}>
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      <button type="submit" disabled={pending} aria-busy={pending} aria-label={props.ariaLabel} className={props.className}>
        {props.label}
      </button>
      {state.status !== "idle" && (
        <ArrivalFocus as="span" role={state.status === "error" ? "alert" : "status"} className={state.status === "error" ? "field-error" : "hint"}>
          {" "}
          {state.message}
        </ArrivalFocus>
      )}
    </form>
  );
}
