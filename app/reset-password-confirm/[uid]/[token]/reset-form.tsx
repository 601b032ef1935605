"use client";

import { ErrorSummary } from "../../../components/error-summary";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { PasswordInput } from "../../../components/password-input";
import { resetPassword } from "./actions";
import type { ResetState } from "./state";


export function ResetForm({ uid, token, username }: { uid: string; token: string; username: string }) {
  const [state, action, pending] = useActionState(resetPassword, { status: "idle" } as ResetState);
  const t = useTranslations("reset");
  // The action sends each field's sentence already specific to its field and in the page's language.
  const errors = state.status === "error" ? state.fields : {};
  return (
    <form action={action} noValidate aria-describedby={state.status === "error" ? "form-error" : undefined}>
      <h1>{t("confirmTitle")}</h1>
      <p>{t("confirmIntro", { username })}</p>
      {state.status === "error" && <ErrorSummary message={state.message} fields={errors} />}
      <input type="hidden" name="uid" value={uid} />
      <input type="hidden" name="token" value={token} />
      <PasswordInput name="new_password" label={t("newPassword")} autoComplete="new-password" required rules error={errors.new_password} />
      <PasswordInput name="confirm_new_password" label={t("confirmNewPassword")} autoComplete="new-password" required error={errors.confirm_new_password} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("saving") : t("confirmButton")}
      </button>
    </form>
  );
}
