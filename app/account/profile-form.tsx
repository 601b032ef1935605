"use client";

import { ErrorSummary } from "../components/error-summary";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { BIO_MAX, DISPLAY_NAME_MAX } from "@/lib/users/field-limits";
import { Field, FormMessage } from "../components/field";
import { saveProfile } from "./actions";
import type { ProfileState, ProfileValues } from "./state";

export function ProfileForm({ current }: { current: ProfileValues }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(saveProfile, { status: "idle" } as ProfileState);
  const values = state.status === "idle" ? current : state.values;
  const errors = state.status === "error" ? state.fields : {};

  return (
    // key: a saved or refused form re-renders with exactly what the server has/kept.
    <form action={action} noValidate key={JSON.stringify(values)} aria-describedby={state.status === "error" ? "form-error" : undefined}>
      <h2>{t("editProfile")}</h2>
      {state.status === "error" && <ErrorSummary message={state.message} fields={errors} />}
      {state.status === "saved" && <FormMessage kind="success">{t("saved")}</FormMessage>}

      <Field
        name="displayName"
        label={t("displayName")}
        optional
        hint={t("displayNameHint", { max: DISPLAY_NAME_MAX })}
        maxLength={DISPLAY_NAME_MAX}
        defaultValue={values.displayName}
        error={errors.displayName}
      />
      <Field multiline name="bio" label={t("bio")} optional maxLength={BIO_MAX} defaultValue={values.bio} error={errors.bio} />

      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
