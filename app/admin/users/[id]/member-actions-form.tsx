"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import type { MemberActionOption } from "@/lib/admin/allowed-actions";
import { memberAction } from "../actions";
import styles from "../../admin.module.css";
import { MEMBER_FORM_IDLE } from "./member-form-state";

/**
 * One form for every staff action on this member: choose the action, give one reason,
 * and (for a dangerous one) confirm on a second step. Plain form posts: works without
 * JavaScript, the server keeps the choice and the reason between the steps.
 */
export function MemberActionsForm({ userId, username, options }: { userId: number; username: string; options: MemberActionOption[] }) {
  const [state, action, pending] = useActionState(memberAction, MEMBER_FORM_IDLE);
  const id = useId();
  const t = useTranslations("adminUsers");
  if (state.status === "confirm") {
    const option = options.find((o) => o.kind === state.kind);
    return (
      <form action={action} className={styles.confirm} aria-labelledby={`${id}-confirm`}>
        <p id={`${id}-confirm`} role="alert">
          <strong>{username}</strong> · {option ? t("confirmQuestion", { label: option.label, hint: option.hint }) : state.message}
        </p>
        <p className="hint">{t("confirmReason", { reason: state.reason ?? "" })}</p>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="action" value={state.kind} />
        <input type="hidden" name="reason" value={state.reason} />
        <input type="hidden" name="confirmed" value="yes" />
        <button type="submit" className={styles.danger} disabled={pending} aria-busy={pending}>
          {t("confirmYes", { action: option?.label.toLocaleLowerCase() ?? t("goAhead") })}
        </button>{" "}
        <Link href={`/admin/users/${userId}`}>{t("cancel")}</Link>
      </form>
    );
  }
  const chosen = state.status === "error" ? state.kind : undefined;
  return (
    <form action={action} className={styles.memberActions}>
      <input type="hidden" name="userId" value={userId} />
      <fieldset>
        <legend>{t("action")}</legend>
        <ul className={styles.choices}>
          {options.map((o) => (
            <li key={o.kind}>
              <input type="radio" id={`${id}-${o.kind}`} name="action" value={o.kind} required defaultChecked={chosen === o.kind} aria-describedby={`${id}-${o.kind}-hint`} />
              <label htmlFor={`${id}-${o.kind}`} className={o.danger ? styles.dangerText : undefined}>
                {o.label}
              </label>{" "}
              <span id={`${id}-${o.kind}-hint`} className="hint">
                {o.hint}
              </span>
            </li>
          ))}
        </ul>
      </fieldset>
      <label htmlFor={`${id}-reason`}>{t("reason")}</label>
      <p id={`${id}-reason-hint`} className="hint">
        {t("reasonHint")}
      </p>
      <input id={`${id}-reason`} name="reason" maxLength={500} autoComplete="off" defaultValue={state.status === "error" ? state.reason : undefined} aria-describedby={`${id}-reason-hint`} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {t("continue")}
      </button>
      {state.status !== "idle" && (
        <p role={state.status === "error" ? "alert" : "status"} className={state.status === "error" ? "field-error" : "hint"}>
          {state.message}
        </p>
      )}
    </form>
  );
}
