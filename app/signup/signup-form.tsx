"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { EMAIL_MAX } from "@/lib/users/field-limits";
import { UsernameField } from "../components/account-fields";
import { ErrorSummary } from "../components/error-summary";
import { Field } from "../components/field";
import { PasswordInput } from "../components/password-input";
import { signup } from "./actions";
import type { SignupState } from "./state";

const initial: SignupState = { status: "idle" };

// Only what an account needs. Bio and role are not asked here: the bio is on the account
// page, and teaching starts with a guide application (the old API still takes both).
export function SignupForm() {
  // Works before hydration too: without JavaScript the form posts to the server action
  // and the page comes back rendered with the returned state.
  const [state, action, pending] = useActionState(signup, initial);
  const t = useTranslations("signup");
  const fieldsT = useTranslations("common.fields");
  // "1" once React runs in the browser: the action then signs the new member in directly.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  // The action sends each field's sentence already specific to its field and in the page's language.
  const errors = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? state.values : { username: "", email: "" };

  return (
    <form action={action} noValidate aria-describedby={state.status === "error" ? "form-error" : undefined}>
      <input type="hidden" name="js" value={hydrated ? "1" : "0"} />
      {state.status === "error" && <ErrorSummary message={state.message} fields={errors} />}

      <UsernameField defaultValue={values.username} error={errors.username} />
      <Field
        name="email"
        label={fieldsT("email")}
        type="email"
        autoComplete="email"
        required
        maxLength={EMAIL_MAX}
        defaultValue={values.email}
        error={errors.email}
      />
      <PasswordInput name="password" label={fieldsT("password")} autoComplete="new-password" required rules error={errors.password} />

      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("creating") : t("submit")}
      </button>
    </form>
  );
}
