"use client";

import { ErrorSummary } from "../../components/error-summary";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmStep } from "../../components/confirm-step";
import { Field } from "../../components/field";
import { PasswordInput } from "../../components/password-input";
import { deleteAccountAction } from "./actions";
import { DELETE_IDLE } from "./delete-state";

export function DeleteForm({ username }: { username: string }) {
  const [state, action, pending] = useActionState(deleteAccountAction, DELETE_IDLE);
  const errors = state.status === "error" ? state.fields : {};
  const t = useTranslations("security.delete");
  return (
    <section aria-labelledby="delete-heading">
      <h3 id="delete-heading">{t("title")}</h3>
      <p className="hint">{t("hint")}</p>
      <ConfirmStep opener={t("opener")} open={state.status === "error"}>
        <form action={action} noValidate aria-labelledby="delete-heading">
          {state.status === "error" && <ErrorSummary message={state.message} fields={errors} />}
          <Field
            name="confirm_username"
            label={t("typeUsername", { username })}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            error={errors.confirm_username}
          />
          <PasswordInput name="password" label={t("password")} autoComplete="current-password" error={errors.password} />
          <button type="submit" disabled={pending} aria-busy={pending} className="button-danger">
            {t("submit")}
          </button>
        </form>
      </ConfirmStep>
    </section>
  );
}
