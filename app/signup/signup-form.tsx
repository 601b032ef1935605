"use client";

import { useActionState, useEffect, useState } from "react";
import { pageFieldErrors } from "@/lib/ui-messages";
import { EMAIL_MAX } from "@/lib/users/field-limits";
import { UsernameField } from "../components/account-fields";
import { ErrorSummary } from "../components/error-summary";
import { Field } from "../components/field";
import { PasswordInput } from "../components/password-input";
import { signup } from "./actions";
import type { SignupState } from "./state";

const initial: SignupState = { status: "idle" };
const LABELS = { username: "Username", email: "Email", password: "Password" };

// Only what an account needs. Bio and role are not asked here: the bio is on the account
// page, and teaching starts with a guide application (the old API still takes both).
export function SignupForm() {
  // Works before hydration too: without JavaScript the form posts to the server action
  // and the page comes back rendered with the returned state.
  const [state, action, pending] = useActionState(signup, initial);
  // "1" once React runs in the browser: the action then signs the new member in directly.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const errors = state.status === "error" ? pageFieldErrors(state.fields, LABELS) : {};
  const values = state.status === "error" ? state.values : { username: "", email: "" };

  return (
    <form action={action} noValidate aria-describedby={state.status === "error" ? "form-error" : undefined}>
      <input type="hidden" name="js" value={hydrated ? "1" : "0"} />
      {state.status === "error" && <ErrorSummary message={state.message} fields={errors} />}

      <UsernameField defaultValue={values.username} error={errors.username} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        maxLength={EMAIL_MAX}
        defaultValue={values.email}
        error={errors.email}
      />
      <PasswordInput name="password" label="Password" autoComplete="new-password" required rules error={errors.password} />

      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
