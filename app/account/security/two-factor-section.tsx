"use client";

import { PasswordInput } from "../../components/password-input";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage } from "../../components/field";
import { disableTwoFactorAction, regenerateCodesAction, totpSetupAction } from "./two-factor-actions";
import { TWO_FACTOR_IDLE, type TwoFactorState } from "./two-factor-state";

// "Two-factor authentication" on /account/security. Works without JavaScript: each form
// posts to its server action and the page comes back with the answer's state.

function RecoveryCodes({ state }: { state: Extract<TwoFactorState, { stage: "codes" }> }) {
  const t = useTranslations("twoFactor.codes");
  const file = `${t("fileHeading")}\n${t("fileNote")}\n\n${state.codes.join("\n")}\n`;
  return (
    <div>
      <FormMessage kind="success">{state.message}</FormMessage>
      <p>
        <strong>{t("title")}</strong> {t("explain")}
      </p>
      <ul aria-label={t("listLabel")} className="recovery-codes">
        {state.codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`} download="zporta-recovery-codes.txt">
          {t("download")}
        </a>
      </p>
    </div>
  );
}

// Each form is always rendered and shows its own answer first: the answer (recovery
// codes, shown once) must survive the page re-rendering with the new status, which
// without JavaScript is a whole new page.
function SetUp({ totp }: { totp: boolean }) {
  const [state, action, pending] = useActionState(totpSetupAction, TWO_FACTOR_IDLE);
  const t = useTranslations("twoFactor.setup");
  if (state.stage === "codes") return <RecoveryCodes state={state} />;
  if (totp) return null;
  if (state.stage === "scan") {
    return (
      <form action={action} noValidate aria-describedby={state.error ? "form-error" : undefined}>
        <h3>{t("scanTitle")}</h3>
        {state.error && <FormMessage kind="error">{state.error}</FormMessage>}
        {/* SVG made on the server by the qrcode library from our own otpauth URL. */}
        <div className="qr-code" role="img" aria-label={t("qrLabel")} dangerouslySetInnerHTML={{ __html: state.qrSvg }} />
        <p>
          {t("typeKey")} <code aria-label={t("secretLabel")}>{state.secret}</code>
        </p>
        <input type="hidden" name="step" value="confirm" />
        <Field name="setup_code" label={t("code")} autoComplete="one-time-code" inputMode="numeric" maxLength={10} invalid={!!state.error} />
        <button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? t("checking") : t("turnOn")}
        </button>
      </form>
    );
  }
  return (
    <form action={action} noValidate aria-describedby={state.error ? "form-error" : undefined}>
      {state.error && <FormMessage kind="error">{state.error}</FormMessage>}
      {state.message && <FormMessage kind="success">{state.message}</FormMessage>}
      <input type="hidden" name="step" value="setup" />
      <PasswordInput name="setup_password" label={t("password")} autoComplete="current-password" invalid={!!state.error} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("starting") : t("start")}
      </button>
    </form>
  );
}

function Regenerate({ totp }: { totp: boolean }) {
  const [state, action, pending] = useActionState(regenerateCodesAction, TWO_FACTOR_IDLE);
  const t = useTranslations("twoFactor.regenerate");
  if (state.stage === "codes") return <RecoveryCodes state={state} />;
  if (!totp) return null;
  return (
    <form action={action} noValidate>
      <h3>{t("title")}</h3>
      {state.stage === "idle" && state.error && <FormMessage kind="error">{state.error}</FormMessage>}
      <Field name="regen_code" label={t("code")} hint={t("codeHint")} autoComplete="one-time-code" maxLength={64} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {t("submit")}
      </button>
    </form>
  );
}

function TurnOff({ totp }: { totp: boolean }) {
  const [state, action, pending] = useActionState(disableTwoFactorAction, TWO_FACTOR_IDLE);
  const t = useTranslations("twoFactor.turnOff");
  if (state.stage === "idle" && state.message) return <FormMessage kind="success">{state.message}</FormMessage>;
  if (!totp) return null;
  return (
    <form action={action} noValidate>
      <h3>{t("title")}</h3>
      {state.stage === "idle" && state.error && <FormMessage kind="error">{state.error}</FormMessage>}
      <PasswordInput name="off_password" label={t("password")} autoComplete="current-password" />
      <Field name="off_code" label={t("code")} hint={t("codeHint")} autoComplete="one-time-code" maxLength={64} />
      <button type="submit" disabled={pending} aria-busy={pending} className="button-danger">
        {t("submit")}
      </button>
    </form>
  );
}

export function TwoFactorSection(props: { totp: boolean; recoveryCodesLeft: number; required: boolean; hasPasskey: boolean }) {
  const { totp, recoveryCodesLeft, required, hasPasskey } = props;
  const t = useTranslations("twoFactor.section");
  return (
    <section aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">{t("title")}</h2>
      {required && !totp && !hasPasskey && (
        <FormMessage kind="notice">
          {t("required")}
        </FormMessage>
      )}
      {totp ? (
        <p>{t("on", { count: recoveryCodesLeft })}</p>
      ) : (
        <p>{t("off")}</p>
      )}
      <SetUp totp={totp} />
      <Regenerate totp={totp} />
      <TurnOff totp={totp} />
    </section>
  );
}
