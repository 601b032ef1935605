"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("adminGuideApplications");
  return (
    <div>
      {state.status === "done" && <FormMessage kind="success">{state.message}</FormMessage>}
      {state.status === "error" && <FormMessage kind="error">{state.message}</FormMessage>}
      {isPending && (
        <form action={action} noValidate aria-label={t("decision")}>
          <input type="hidden" name="applicationId" value={applicationId} />
          <Field
            multiline
            name="adminNotes"
            label={t("notesLabel")}
            optional
            hint={t("notesHint")}
            maxLength={notesMax}
            defaultValue={state.status === "error" ? state.notes : ""}
            error={errors.adminNotes}
          />
          <div className={styles.buttons}>
            <button type="submit" name="decision" value="approve" disabled={busy} aria-busy={busy}>
              {t("approve")}
            </button>
            <button type="submit" name="decision" value="reject" disabled={busy} aria-busy={busy} className={styles.reject}>
              {t("reject")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
