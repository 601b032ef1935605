"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage } from "./field";
import type { LinkRequestState } from "./link-request";

/** One email field asking for a link; works without JavaScript (a server action). */
export function LinkRequestForm(props: {
  action: (prev: LinkRequestState, form: FormData) => Promise<LinkRequestState>;
  heading: string;
  intro: string;
  button: string;
  busy: string;
}) {
  const t = useTranslations("common.fields");
  const [state, action, pending] = useActionState(props.action, { status: "idle" } as LinkRequestState);
  const email = state.status === "idle" ? "" : state.email;
  const error = state.status === "error" ? state.message : undefined;
  return (
    <form action={action} noValidate aria-describedby={error ? "form-error" : undefined}>
      <h1>{props.heading}</h1>
      <p>{props.intro}</p>
      {error && <FormMessage kind="error">{error}</FormMessage>}
      {state.status === "sent" && <FormMessage kind="success">{state.message}</FormMessage>}
      <Field
        name="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={254}
        defaultValue={email}
        key={email}
        error={state.status === "error" && state.field === "email" ? state.message : undefined}
      />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? props.busy : props.button}
      </button>
    </form>
  );
}
