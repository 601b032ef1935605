"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { EMAIL_MAX } from "@/lib/users/field-limits";
import { ErrorSummary } from "../../components/error-summary";
import { Field, FormMessage } from "../../components/field";
import { PasswordInput } from "../../components/password-input";
import { requestEmailChangeAction } from "./email-actions";
import type { EmailChangeState } from "./email-state";

// Works without JavaScript: the form posts to the server action and the page comes back
// with the outcome. The password is never refilled.
export function EmailForm({ current }: { current: string }) {
  const t = useTranslations("emailChange");
  const [state, action, pending] = useActionState(requestEmailChangeAction, { status: "idle" } as EmailChangeState);
  // The page has other password fields (change password, delete): this one has its own id.
  const errors = state.status === "error" ? { new_email: state.fields.new_email, email_password: state.fields.password } : {};
  return (
    <form action={action} noValidate aria-describedby={state.status === "error" ? "form-error" : undefined}>
      <h2>{t("sectionTitle")}</h2>
      <p>{t("current", { email: current })}</p>
      <p className="hint">{t("intro")}</p>
      {state.status === "error" && <ErrorSummary message={state.message} fields={errors} />}
      {state.status === "sent" && <FormMessage kind="success">{state.message}</FormMessage>}
      <Field
        name="new_email"
        label={t("newEmail")}
        type="email"
        autoComplete="email"
        required
        maxLength={EMAIL_MAX}
        defaultValue={state.status === "error" ? state.newEmail : ""}
        error={errors.new_email}
      />
      <PasswordInput name="email_password" label={t("password")} autoComplete="current-password" error={errors.email_password} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
