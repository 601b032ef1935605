"use client";

import { useActionState, useEffect, useState } from "react";
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
  const describe = (name: string, hint?: string) =>
    [errors[name] ? `${name}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  const fieldError = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="field-error">
        {errors[name]}
      </p>
    ) : null;

  return (
    <form action={action} noValidate aria-describedby={state.status === "error" ? "form-error" : undefined}>
      <h1>Create your account</h1>
      <input type="hidden" name="js" value={hydrated ? "1" : "0"} />
      {state.status === "error" && (
        <div id="form-error" className="form-error" role="alert">
          {state.message}
        </div>
      )}

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
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={values.email}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describe("email")}
        />
        {fieldError("email")}
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

      <fieldset aria-describedby={describe("role")}>
        <legend>I want to</legend>
        <div className="radios">
          {ROLE_OPTIONS.map((option) => (
            <label key={option.value}>
              <input type="radio" name="role" value={option.value} defaultChecked={values.role === option.value} />
              {option.label}
            </label>
          ))}
        </div>
        {fieldError("role")}
      </fieldset>

      <div className="field">
        <label htmlFor="bio">
          Bio <span className="hint">(optional)</span>
        </label>
        <textarea
          id="bio"
          name="bio"
          maxLength={5000}
          defaultValue={values.bio}
          aria-invalid={errors.bio ? true : undefined}
          aria-describedby={describe("bio")}
        />
        {fieldError("bio")}
      </div>

      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
