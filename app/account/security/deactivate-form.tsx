"use client";

import { ErrorSummary } from "../../components/error-summary";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE } from "../../components/action-state";
import { ConfirmStep } from "../../components/confirm-step";
import { Field } from "../../components/field";
import { deactivateAction } from "./actions";

export function DeactivateForm() {
  const [state, action, pending] = useActionState(deactivateAction, IDLE);
  const t = useTranslations("security.deactivate");
  return (
    <section aria-labelledby="deactivate-heading">
      <h3 id="deactivate-heading">{t("title")}</h3>
      <p className="hint">{t("hint")}</p>
      <ConfirmStep opener={t("opener")} open={state.status === "error"}>
        <form action={action} noValidate>
          <p>{t("question")}</p>
          {state.status === "error" && <ErrorSummary message={state.message} />}
          <Field name="reason" label={t("reason")} optional maxLength={1000} />
          <button type="submit" disabled={pending} aria-busy={pending} className="button-danger">
            {t("submit")}
          </button>
        </form>
      </ConfirmStep>
    </section>
  );
}
