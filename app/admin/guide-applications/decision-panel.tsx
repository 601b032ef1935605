"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "../../components/field";
import { decide } from "./actions";
import styles from "./decision-panel.module.css";
import type { DecisionState } from "./state";

/**
 * The decision form of one application. It stays mounted when the page re-renders after
 * a decision (ours or someone else's), so its outcome stays on screen while the form
 * itself disappears once the application is no longer pending.
 */
export function DecisionPanel({ applicationId, pending: isPending, notesMax }: { applicationId: number; pending: boolean; notesMax: number }) {
  const [state, action, busy] = useActionState(decide, { status: "idle" } as DecisionState);
  const errors = state.status === "error" ? state.fields : {};
  return (
    <div>
      {state.status === "done" && <FormMessage kind="success">{state.message}</FormMessage>}
      {state.status === "error" && <FormMessage kind="error">{state.message}</FormMessage>}
      {isPending && (
        <form action={action} noValidate aria-label="Decision">
          <input type="hidden" name="applicationId" value={applicationId} />
          <Field
            multiline
            name="adminNotes"
            label="Notes for the applicant"
            optional
            hint="Shown to the applicant, e.g. why an application was not approved."
            maxLength={notesMax}
            defaultValue={state.status === "error" ? state.notes : ""}
            error={errors.adminNotes}
          />
          <div className={styles.buttons}>
            <button type="submit" name="decision" value="approve" disabled={busy} aria-busy={busy}>
              Approve
            </button>
            <button type="submit" name="decision" value="reject" disabled={busy} aria-busy={busy} className={styles.reject}>
              Reject
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
