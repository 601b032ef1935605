"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE } from "./action-state";
import { Field, FormMessage } from "./field";
import { confirmStepUpAction } from "./step-up-action";

// "Confirm it's you" (works without JavaScript): with two-factor authentication on, the
// sensitive actions on this page want a code from the last 10 minutes.
export function StepUpForm({ page, fresh }: { page: string; fresh: boolean }) {
  const [state, action, pending] = useActionState(confirmStepUpAction, IDLE);
  const t = useTranslations("twoFactor.stepUp");
  return (
    <form action={action} noValidate aria-labelledby="step-up-heading">
      <h2 id="step-up-heading">{t("title")}</h2>
      {state.status === "done" ? (
        <FormMessage kind="success">{state.message}</FormMessage>
      ) : fresh ? (
        <p>{t("fresh")}</p>
      ) : (
        <p>{t("explain")}</p>
      )}
      {state.status === "error" && <FormMessage kind="error">{state.message}</FormMessage>}
      <input type="hidden" name="page" value={page} />
      <Field name="step_up_code" label={t("code")} autoComplete="one-time-code" maxLength={64} invalid={state.status === "error"} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
