"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { IDLE } from "../../components/action-state";
import { allowSelfInvitingAction } from "./actions";

/** One reason field and a button: works without JavaScript; the use case requires the reason. */
export function AllowSelfForm({ userId }: { userId: number }) {
  const [state, action, pending] = useActionState(allowSelfInvitingAction, IDLE);
  const id = useId();
  const t = useTranslations("adminInvitations");
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t("reason")}</label>
        <input id={`${id}-reason`} name="reason" maxLength={500} autoComplete="off" aria-invalid={state.status === "error" || undefined} />
      </div>
      {state.status !== "idle" && (
        <p role={state.status === "error" ? "alert" : "status"} className={state.status === "error" ? "field-error" : "hint"}>
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending} aria-busy={pending}>
        {t("allowMe")}
      </button>
    </form>
  );
}
