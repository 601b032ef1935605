"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE } from "../../components/action-state";
import { ErrorSummary } from "../../components/error-summary";
import { Field } from "../../components/field";
import { verifySecondStep } from "./actions";

// Without JavaScript the form posts to the server action and the page comes back with
// the refusal, or a redirect on success.
export function CodeForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(verifySecondStep, IDLE);
  const failed = state.status === "error";
  const t = useTranslations("twoFactor.signIn");
  return (
    <form action={action} noValidate aria-describedby={failed ? "form-error" : undefined}>
      <h1>{t("title")}</h1>
      {failed && <ErrorSummary message={state.message} />}
      <input type="hidden" name="next" value={next} />
      <Field
        name="code"
        label={t("code")}
        hint={t("codeHint")}
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={64}
        invalid={failed}
      />
      <div className="field">
        <label>
          <input type="checkbox" name="trust" /> {t("trust")}
        </label>
      </div>
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("verifying") : t("verify")}
      </button>
    </form>
  );
}
