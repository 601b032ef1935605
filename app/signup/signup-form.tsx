"use client";

import { useActionState, useEffect, useState } from "react";
import { EMAIL_MAX } from "@/lib/users/field-limits";
import { BioField, NewPasswordField, UsernameField } from "../components/account-fields";
import { Field, FieldError, FormMessage } from "../components/field";
import { signup } from "./actions";
import type { SignupState } from "./state";

const ROLE_OPTIONS = [
  { value: "explorer", label: "Explorer (learn)" },
  { value: "guide", label: "Guide (teach)" },
  { value: "both", label: "Both" },
];

const initial: SignupState = { status: "idle" };

export function SignupForm() {
  // Works before hydration too: without JavaScript the form posts to the server action
  // and the page comes back rendered with the returned state.
  const [state, action, pending] = useActionState(signup, initial);
  // "1" once React runs in the browser: the action then signs the new member in directly.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const errors = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? state.values : { username: "", email: "", role: "explorer", bio: "" };

  return (
    <form action={action} noValidate aria-describedby={state.status === "error" ? "form-error" : undefined}>
      <h1>Create your account</h1>
      <input type="hidden" name="js" value={hydrated ? "1" : "0"} />
      {state.status === "error" && <FormMessage kind="error">{state.message}</FormMessage>}

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
      <NewPasswordField error={errors.password} />

      <fieldset aria-describedby={errors.role ? "role-error" : undefined}>
        <legend>I want to</legend>
        <div className="radios">
          {ROLE_OPTIONS.map((option) => (
            <label key={option.value}>
              <input type="radio" name="role" value={option.value} defaultChecked={values.role === option.value} />
              {option.label}
            </label>
          ))}
        </div>
        <FieldError name="role" error={errors.role} />
      </fieldset>

      <BioField defaultValue={values.bio} error={errors.bio} />

      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
