"use client";

import { ErrorSummary } from "../components/error-summary";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { BioField, NewPasswordField, UsernameField } from "../components/account-fields";
import { registerAndAcceptAction } from "./actions";
import type { RegisterState } from "./state";

const initial: RegisterState = { status: "idle" };

/** The sign-up form with the invitation's email fixed. */
export function RegisterForm({ token, email }: { token: string; email: string }) {
  // Without JavaScript the form posts to the server action and the page comes back
  // rendered with the returned state (or the action's redirect).
  const t = useTranslations("acceptInvitation");
  const [state, action, pending] = useActionState(registerAndAcceptAction, initial);
  const errors = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? state.values : { username: "", bio: "" };

  return (
    <form
      action={action}
      noValidate
      key={state.status === "idle" ? 0 : state.n}
      aria-labelledby="create-heading"
      aria-describedby={state.status === "error" ? "form-error" : undefined}
    >
      <h2 id="create-heading">{t("createAccount")}</h2>
      {state.status === "error" && <ErrorSummary message={state.message} fields={errors} />}
      <input type="hidden" name="token" value={token} />

      {/* Fixed and not submitted: the account is created for the address the invitation was sent to. */}
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input
          id="email"
          type="email"
          value={email}
          readOnly
          autoComplete="email"
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={[errors.email ? "email-error" : null, "email-hint"].filter(Boolean).join(" ")}
        />
        <span id="email-hint" className="hint">
          {t("emailHint")}
        </span>
        {errors.email && (
          <p id="email-error" className="field-error">
            {errors.email}
          </p>
        )}
      </div>
      <UsernameField defaultValue={values.username} error={errors.username} />
      <NewPasswordField error={errors.password} />
      <BioField defaultValue={values.bio} error={errors.bio} />

      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("creating") : t("createAndAccept")}
      </button>
    </form>
  );
}
