"use client";

import { useActionState } from "react";
import { BIO_MAX, DISPLAY_NAME_MAX } from "@/lib/users/field-limits";
import { saveProfile } from "./actions";
import type { ProfileState, ProfileValues } from "./state";

export function ProfileForm({ current }: { current: ProfileValues }) {
  const [state, action, pending] = useActionState(saveProfile, { status: "idle" } as ProfileState);
  const values = state.status === "idle" ? current : state.values;
  const errors = state.status === "error" ? state.fields : {};
  const describe = (name: string, hint?: string) =>
    [errors[name] ? `${name}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  const fieldError = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="field-error">
        {errors[name]}
      </p>
    ) : null;

  return (
    // key: a saved or refused form re-renders with exactly what the server has/kept.
    <form action={action} noValidate key={JSON.stringify(values)} aria-describedby={state.status === "error" ? "form-error" : undefined}>
      <h2>Edit your profile</h2>
      {state.status === "error" && (
        <div id="form-error" className="form-error" role="alert">
          {state.message}
        </div>
      )}
      {state.status === "saved" && (
        <div className="success" role="status">
          Your profile was saved.
        </div>
      )}

      <div className="field">
        <label htmlFor="displayName">
          Display name <span className="hint">(optional)</span>
        </label>
        <input
          id="displayName"
          name="displayName"
          maxLength={DISPLAY_NAME_MAX}
          defaultValue={values.displayName}
          aria-invalid={errors.displayName ? true : undefined}
          aria-describedby={describe("displayName", "displayName-hint")}
        />
        <span id="displayName-hint" className="hint">
          At most {DISPLAY_NAME_MAX} characters. Shown instead of your username where others see you.
        </span>
        {fieldError("displayName")}
      </div>

      <div className="field">
        <label htmlFor="bio">
          Bio <span className="hint">(optional)</span>
        </label>
        <textarea
          id="bio"
          name="bio"
          maxLength={BIO_MAX}
          defaultValue={values.bio}
          aria-invalid={errors.bio ? true : undefined}
          aria-describedby={describe("bio")}
        />
        {fieldError("bio")}
      </div>

      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : "Save profile"}
      </button>
    </form>
  );
}
