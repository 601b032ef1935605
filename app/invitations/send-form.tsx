"use client";

import { ErrorSummary } from "../components/error-summary";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage } from "../components/field";
import { sendInvitationAction } from "./actions";
import type { SendState } from "./state";

const initial: SendState = { status: "idle" };

export function SendInvitationForm({ messageMax }: { messageMax: number }) {
  // Without JavaScript the form posts to the server action and the page comes back
  // rendered with the returned state.
  const t = useTranslations("invitations");
  const [state, action, pending] = useActionState(sendInvitationAction, initial);
  const errors = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? state.values : { inviteeEmail: "", personalMessage: "" };

  return (
    // key: a refused form comes back with what was typed; a sent one comes back empty.
    <form action={action} noValidate key={state.status === "idle" ? 0 : state.n} aria-describedby={state.status === "error" ? "form-error" : undefined}>
      <h2>{t("inviteATeacher")}</h2>
      {state.status === "error" && <ErrorSummary message={state.message} fields={errors} />}
      {state.status === "sent" && <FormMessage kind="success">{state.message}</FormMessage>}
      <Field
        name="inviteeEmail"
        label={t("theirEmail")}
        type="email"
        autoComplete="off"
        required
        maxLength={254}
        defaultValue={values.inviteeEmail}
        error={errors.inviteeEmail}
      />
      <Field
        name="personalMessage"
        label={t("personalMessage")}
        optional
        multiline
        maxLength={messageMax}
        hint={t("personalMessageHint", { max: messageMax })}
        defaultValue={values.personalMessage}
        error={errors.personalMessage}
      />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("sending") : t("send")}
      </button>
    </form>
  );
}
