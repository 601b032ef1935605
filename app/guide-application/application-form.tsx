"use client";

import { ErrorSummary } from "../components/error-summary";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { USERNAME_MAX } from "@/lib/users/field-limits";
import { Field } from "../components/field";
import { apply } from "./actions";
import type { ApplicationLimits, ApplicationState } from "./state";

const empty = { motivation: "", experience: "", subjectsToTeach: "", referredBy: "" };

export function ApplicationForm({ limits, heading }: { limits: ApplicationLimits; heading: string }) {
  // Without JavaScript the form posts to the server action and the page comes back with
  // the returned state, or the redirect on success.
  const t = useTranslations("guideApplication");
  const [state, action, pending] = useActionState(apply, { status: "idle" } as ApplicationState);
  const errors = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? state.values : empty;

  return (
    <form action={action} noValidate aria-describedby={state.status === "error" ? "form-error" : undefined}>
      <h2>{heading}</h2>
      {state.status === "error" && <ErrorSummary message={state.message} fields={errors} />}
      <Field
        multiline
        name="motivation"
        label={t("motivationLabel")}
        required
        maxLength={limits.motivation}
        defaultValue={values.motivation}
        error={errors.motivation}
      />
      <Field
        multiline
        name="experience"
        label={t("experienceLabel")}
        optional
        maxLength={limits.experience}
        defaultValue={values.experience}
        error={errors.experience}
      />
      <Field
        name="subjectsToTeach"
        label={t("subjectsLabel")}
        hint={t("subjectsHint", { max: limits.subjects })}
        required
        maxLength={limits.subjects}
        defaultValue={values.subjectsToTeach}
        error={errors.subjectsToTeach}
      />
      <Field
        name="referredBy"
        label={t("referredByLabel")}
        optional
        hint={t("referredByHint")}
        autoComplete="off"
        maxLength={USERNAME_MAX}
        defaultValue={values.referredBy}
        error={errors.referredBy}
      />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("sending") : t("send")}
      </button>
    </form>
  );
}
