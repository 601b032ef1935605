"use client";

import { useActionState } from "react";
import type { AdminActionState } from "./actions";

type Action = (prev: AdminActionState, form: FormData) => Promise<AdminActionState>;

/** One button that sets one flag of one user; its outcome is announced next to it. */
export function UserToggle(props: { action: Action; userId: number; field: string; value: boolean; label: string }) {
  const [state, action, pending] = useActionState(props.action, { status: "idle" } as AdminActionState);
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={props.userId} />
      <input type="hidden" name={props.field} value={String(props.value)} />
      <button type="submit" disabled={pending} aria-busy={pending}>
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
