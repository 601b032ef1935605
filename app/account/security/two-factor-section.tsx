"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "../../components/field";
import { disableTwoFactorAction, regenerateCodesAction, totpSetupAction } from "./two-factor-actions";
import { TWO_FACTOR_IDLE, type TwoFactorState } from "./two-factor-state";

// "Two-factor authentication" on /account/security. Works without JavaScript: each form
// posts to its server action and the page comes back with the answer's state.

function RecoveryCodes({ state }: { state: Extract<TwoFactorState, { stage: "codes" }> }) {
  const file = `Zporta Academy recovery codes\nEach code works once.\n\n${state.codes.join("\n")}\n`;
  return (
    <div>
      <FormMessage kind="success">{state.message}</FormMessage>
      <p>
        <strong>Your recovery codes.</strong> Each one signs you in once if you lose your authenticator. Keep them somewhere
        safe: they are shown only now.
      </p>
      <ul aria-label="Recovery codes" className="recovery-codes">
        {state.codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`} download="zporta-recovery-codes.txt">
          Download the recovery codes (.txt)
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
  if (state.stage === "codes") return <RecoveryCodes state={state} />;
  if (totp) return null;
  if (state.stage === "scan") {
    return (
      <form action={action} noValidate aria-describedby={state.error ? "form-error" : undefined}>
        <h3>Scan this QR code with your authenticator app</h3>
        {state.error && <FormMessage kind="error">{state.error}</FormMessage>}
        {/* SVG made on the server by the qrcode library from our own otpauth URL. */}
        <div className="qr-code" role="img" aria-label="QR code for your authenticator app" dangerouslySetInnerHTML={{ __html: state.qrSvg }} />
        <p>
          Or type this key into the app: <code aria-label="Secret key">{state.secret}</code>
        </p>
        <input type="hidden" name="step" value="confirm" />
        <Field name="setup_code" label="Code from the app" autoComplete="one-time-code" inputMode="numeric" maxLength={10} invalid={!!state.error} />
        <button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? "Checking…" : "Turn on"}
        </button>
      </form>
    );
  }
  return (
    <form action={action} noValidate aria-describedby={state.error ? "form-error" : undefined}>
      {state.error && <FormMessage kind="error">{state.error}</FormMessage>}
      {state.message && <FormMessage kind="success">{state.message}</FormMessage>}
      <input type="hidden" name="step" value="setup" />
      <Field name="setup_password" label="Password to set up the app" type="password" autoComplete="current-password" invalid={!!state.error} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Starting…" : "Set up an authenticator app"}
      </button>
    </form>
  );
}

function Regenerate({ totp }: { totp: boolean }) {
  const [state, action, pending] = useActionState(regenerateCodesAction, TWO_FACTOR_IDLE);
  if (state.stage === "codes") return <RecoveryCodes state={state} />;
  if (!totp) return null;
  return (
    <form action={action} noValidate>
      <h3>New recovery codes</h3>
      {state.stage === "idle" && state.error && <FormMessage kind="error">{state.error}</FormMessage>}
      <Field name="regen_code" label="Code to make new recovery codes" hint="A code from your app or a recovery code." autoComplete="one-time-code" maxLength={64} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        Make new recovery codes
      </button>
    </form>
  );
}

function TurnOff({ totp }: { totp: boolean }) {
  const [state, action, pending] = useActionState(disableTwoFactorAction, TWO_FACTOR_IDLE);
  if (state.stage === "idle" && state.message) return <FormMessage kind="success">{state.message}</FormMessage>;
  if (!totp) return null;
  return (
    <form action={action} noValidate>
      <h3>Turn off two-factor authentication</h3>
      {state.stage === "idle" && state.error && <FormMessage kind="error">{state.error}</FormMessage>}
      <Field name="off_password" label="Password to turn off" type="password" autoComplete="current-password" />
      <Field name="off_code" label="Code to turn off" hint="A code from your app or a recovery code." autoComplete="one-time-code" maxLength={64} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        Turn off two-factor authentication
      </button>
    </form>
  );
}

export function TwoFactorSection(props: { totp: boolean; recoveryCodesLeft: number; required: boolean; hasPasskey: boolean }) {
  const { totp, recoveryCodesLeft, required, hasPasskey } = props;
  return (
    <section aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">Two-factor authentication</h2>
      {required && !totp && !hasPasskey && (
        <FormMessage kind="notice">
          Your account must have a second factor: set up an authenticator app or add a passkey (staff pages stay closed until
          you do).
        </FormMessage>
      )}
      {totp ? (
        <p>On: signing in asks for a code from your authenticator app. Recovery codes left: {recoveryCodesLeft}.</p>
      ) : (
        <p>
          Off. An authenticator app (such as a password manager or Google Authenticator) adds a code to your password when
          you sign in.
        </p>
      )}
      <SetUp totp={totp} />
      <Regenerate totp={totp} />
      <TurnOff totp={totp} />
    </section>
  );
}
