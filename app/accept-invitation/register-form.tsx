"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "../components/field";
import { registerAndAcceptAction } from "./actions";
import type { RegisterState } from "./state";

const initial: RegisterState = { status: "idle" };

/** The sign-up form with the invitation's email fixed. */
export function RegisterForm({ token, email, bioMax, usernameMax }: { token: string; email: string; bioMax: number; usernameMax: number }) {
  // Without JavaScript the form posts to the server action and the page comes back
  // rendered with the returned state (or the action's redirect).
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
      <h2 id="create-heading">Create your account</h2>
      {state.status === "error" && <FormMessage kind="error">{state.message}</FormMessage>}
      <input type="hidden" name="token" value={token} />

      {/* Fixed and not submitted: the account is created for the address the invitation was sent to. */}
      <div className="field">
        <label htmlFor="email">Email</label>
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
          The address this invitation was sent to.
        </span>
        {errors.email && (
          <p id="email-error" className="field-error">
            {errors.email}
          </p>
        )}
      </div>
      <Field
        name="username"
        label="Username"
        autoComplete="username"
        required
        maxLength={usernameMax}
        hint="Letters, digits and @ . + - _ only."
        defaultValue={values.username}
        error={errors.username}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters, not only digits, not a common password."
        error={errors.password}
      />
      <Field name="bio" label="Bio" optional multiline maxLength={bioMax} defaultValue={values.bio} error={errors.bio} />

      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Creating your account…" : "Create account and accept"}
      </button>
    </form>
  );
}
