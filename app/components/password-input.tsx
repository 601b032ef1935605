"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { FieldError } from "./field";

// A password field with a show/hide button and, for a new password, its rules ticked off
// while typing. Both are progressive enhancement: without JavaScript the button is not
// there and the rules read as a plain hint. The server's policy stays the judge (the list
// cannot know common passwords or the username check; it says so).

const RULES = [
  { id: "ruleLength", met: (v: string) => v.length >= 8 },
  { id: "ruleDigits", met: (v: string) => v.length > 0 && !/^\d+$/.test(v) },
] as const;

export function PasswordInput(props: {
  name: string;
  label: string;
  autoComplete: "current-password" | "new-password";
  error?: string;
  /** Marks the value refused without a sentence of its own (the form's summary says why). */
  invalid?: boolean;
  required?: boolean;
  /** Shows the live rules of a new password under the field. */
  rules?: boolean;
}) {
  const { name, label, autoComplete, error, invalid, required, rules } = props;
  const t = useTranslations("common.password");
  const [hydrated, setHydrated] = useState(false);
  const [shown, setShown] = useState(false);
  const [value, setValue] = useState("");
  useEffect(() => setHydrated(true), []);
  const describedBy = [error ? `${name}-error` : null, rules ? `${name}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <div className="password-wrap">
        <input
          id={name}
          name={name}
          type={shown ? "text" : "password"}
          autoComplete={autoComplete}
          required={required}
          aria-invalid={error || invalid ? true : undefined}
          aria-describedby={describedBy}
          onChange={rules ? (e) => setValue(e.target.value) : undefined}
        />
        {hydrated && (
          <button type="button" className="button-secondary" aria-pressed={shown} aria-controls={name} onClick={() => setShown((s) => !s)}>
            {shown ? t("hide") : t("show")}
            <span className="visually-hidden">{t("whatIsShown")}</span>
          </button>
        )}
      </div>
      {rules && (
        <ul id={`${name}-hint`} className="password-rules" aria-live="polite">
          {RULES.map((r) => (
            <li key={r.id} data-met={hydrated ? String(r.met(value)) : undefined}>
              {t(r.id)}
              {hydrated && <span className="visually-hidden">{r.met(value) ? t("met") : t("notMet")}</span>}
            </li>
          ))}
          <li>{t("ruleServer")}</li>
        </ul>
      )}
      <FieldError name={name} error={error} />
    </div>
  );
}
