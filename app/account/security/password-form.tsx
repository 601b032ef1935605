"use client";

import { ErrorSummary } from "../../components/error-summary";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "../../components/field";
import { PasswordInput } from "../../components/password-input";
import { changePasswordAction } from "./actions";
import type { PasswordState } from "./password-state";

// Works without JavaScript: the form posts to the server action and the page comes back
// with the outcome. Password fields are never refilled.

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, { status: "idle" } as PasswordState);
  const t = useTranslations("security.password");
  // The action sends each field's sentence already specific to its field and in the page's language.
  const errors = state.status === "error" ? state.fields : {};
  return (
    <form action={action} noValidate aria-describedby={state.status === "error" ? "form-error" : undefined}>
      <h2>{t("title")}</h2>
      {state.status === "error" && <ErrorSummary message={state.message} fields={errors} />}
      {state.status === "changed" && <FormMessage kind="success">{state.message}</FormMessage>}
      <PasswordInput name="current_password" label={t("current")} autoComplete="current-password" error={errors.current_password} />
      <PasswordInput name="new_password" label={t("new")} autoComplete="new-password" rules error={errors.new_password} />
      <PasswordInput name="confirm_new_password" label={t("confirm")} autoComplete="new-password" error={errors.confirm_new_password} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("changing") : t("submit")}
      </button>
    </form>
  );
}
