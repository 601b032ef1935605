"use client";

import { ErrorSummary } from "../components/error-summary";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "../components/action-state";
import { acceptAction } from "./actions";

export function AcceptButton({ token }: { token: string }) {
  const t = useTranslations("acceptInvitation");
  const [state, action, pending] = useActionState(acceptAction, IDLE);
  return (
    <form action={action} aria-describedby={state.status === "error" ? "form-error" : undefined}>
      {state.status === "error" && <ErrorSummary message={state.message} />}
      <input type="hidden" name="token" value={token} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("accepting") : t("accept")}
      </button>
    </form>
  );
}
