"use client";

import { useActionState } from "react";
import { registerAndAcceptAction } from "./actions";
import type { RegisterState } from "./state";

const initial: RegisterState = { status: "idle" };

/** The sign-up form with the invitation's email fixed. */
export function RegisterForm({ token, email, bioMax }: { token: string; email: string; bioMax: number }) {
  // Without JavaScript the form posts to the server action and the page comes back
  // rendered with the returned state (or the action's redirect).
  const [state, action, pending] = useActionState(registerAndAcceptAction, initial);
  const errors = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? state.values : { username: "", bio: "" };
  const describe = (name: string, hint?: string) =>
    [errors[name] ? `${name}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  const fieldError = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="field-error">
        {errors[name]}
      </p>
    ) : null;

  return (
    <form
      action={action}
      noValidate
      key={state.status === "idle" ? 0 : state.n}
      aria-labelledby="create-heading"
      aria-describedby={state.status === "error" ? "form-error" : undefined}
    >
      <h2 id="create-heading">Create your account</h2>
      {state.status === "error" && (
        <div id="form-error" className="form-error" role="alert">
          {state.message}
        </div>
      )}
      <input type="hidden" name="token" value={token} />

      <div className="field">
        <label htmlFor="email">Email</label>
        {/* Fixed: the account is created for the address the invitation was sent to. */}
        <input
          id="email"
          type="email"
          value={email}
          readOnly
          autoComplete="email"
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describe("email", "email-hint")}
        />
        <span id="email-hint" className="hint">
          The address this invitation was sent to.
        </span>
        {fieldError("email")}
      </div>

      <div className="field">
        <label htmlFor="username">Username</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          maxLength={150}
          defaultValue={values.username}
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={describe("username", "username-hint")}
        />
        <span id="username-hint" className="hint">
          Letters, digits and @ . + - _ only.
        </span>
        {fieldError("username")}
      </div>

      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describe("password", "password-hint")}
        />
        <span id="password-hint" className="hint">
          At least 8 characters, not only digits, not a common password.
        </span>
        {fieldError("password")}
      </div>

      <div className="field">
        <label htmlFor="bio">
          Bio <span className="hint">(optional)</span>
        </label>
        <textarea
          id="bio"
          name="bio"
          maxLength={bioMax}
          defaultValue={values.bio}
          aria-invalid={errors.bio ? true : undefined}
          aria-describedby={describe("bio")}
        />
        {fieldError("bio")}
      </div>

      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Creating your account…" : "Create account and accept"}
      </button>
    </form>
  );
}
