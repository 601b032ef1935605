"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "../components/error-summary";
import { Field, FormMessage } from "../components/field";
import { PasswordInput } from "../components/password-input";
import { login } from "./actions";
import type { LoginState } from "./state";

const initial: LoginState = { status: "idle" };

interface Props {
  next: string;
  username?: string;
  /** A notice from the previous step, e.g. "your account has been created". */
  notice?: string;
  /** An error from next-auth's own sign-in endpoint (?error=…), already translated. */
  error?: string;
}

export function LoginForm({ next, username, notice, error }: Props) {
  // Without JavaScript the form posts to the server action and the page comes back with
  // the returned state, or a redirect on success.
  const [state, action, pending] = useActionState(login, initial);
  const t = useTranslations("login");
  const message = state.status === "error" ? state.message : error;
  const failed = message !== undefined;

  return (
    <form action={action} noValidate aria-describedby={failed ? "form-error" : undefined}>
      {notice && !failed && <FormMessage kind="notice">{notice}</FormMessage>}
      {failed && <ErrorSummary message={message} />}
      <input type="hidden" name="next" value={next} />

      {/* Both fields are marked: which of the two was wrong is deliberately not said. */}
      <Field
        name="username"
        label={t("identifier")}
        autoComplete="username webauthn"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={300}
        defaultValue={state.status === "error" ? state.username : username}
        invalid={failed}
      />
      <PasswordInput name="password" label={t("password")} autoComplete="current-password" required invalid={failed} />

      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("signingIn") : t("submit")}
      </button>
    </form>
  );
}
