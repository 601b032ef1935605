import { ArrivalFocus } from "./arrival-focus";
import { useTranslations } from "next-intl";
import type { InputHTMLAttributes, TextareaHTMLAttributes } from "react";

// One labelled form field the accessible way the sign-up form does it: the label names
// the control, a hint and an error are tied to it with aria-describedby, and a refused
// value is marked aria-invalid. Ids derive from `name` (`<name>`, `<name>-hint`,
// `<name>-error`), so a page must not use one name twice.

interface Common {
  name: string;
  label: string;
  /** Shown after the label: "(optional)". */
  optional?: boolean;
  hint?: string;
  /** The server's sentence for this field, if it refused the value. */
  error?: string;
  /** Marks the value refused without a sentence of its own (the form's message says why). */
  invalid?: boolean;
}

type InputProps = Common & { multiline?: false } & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;
type TextareaProps = Common & { multiline: true } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">;

export function Field(props: InputProps | TextareaProps) {
  const { name, label, optional, hint, error, invalid, multiline, ...control } = props;
  const describedBy = [error ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(" ") || undefined;
  const t = useTranslations("common");
  const shared = { id: name, name, "aria-invalid": error || invalid ? true : undefined, "aria-describedby": describedBy };
  return (
    <div className="field">
      <label htmlFor={name}>
        {label}
        {optional && <span className="hint">{t("optional")}</span>}
      </label>
      {multiline ? (
        <textarea {...(control as TextareaHTMLAttributes<HTMLTextAreaElement>)} {...shared} />
      ) : (
        <input {...(control as InputHTMLAttributes<HTMLInputElement>)} {...shared} />
      )}
      {hint && (
        <span id={`${name}-hint`} className="hint">
          {hint}
        </span>
      )}
      <FieldError name={name} error={error} />
    </div>
  );
}

/** A labelled drop-down whose first choice (value "") means "no restriction". */
export function SelectField(props: {
  name: string;
  label: string;
  /** The first choice's text: "All", "Any". */
  anyLabel: string;
  options: readonly { value: string; label: string }[];
  defaultValue: string;
}) {
  const { name, label, anyLabel, options, defaultValue } = props;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={defaultValue}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A field's refusal sentence, `<name>-error`, for controls that are not one `Field` (a radio group). */
export function FieldError({ name, error }: { name: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${name}-error`} className="field-error">
      {error}
    </p>
  );
}

/** The form's one-sentence outcome: errors as an alert (id "form-error"), successes as a status. */
export function FormMessage({ kind, children }: { kind: "error" | "success" | "notice"; children: React.ReactNode }) {
  if (kind === "error") {
    return (
      <div id="form-error" className="form-error" role="alert">
        {children}
      </div>
    );
  }
  // A success is where the person's attention goes next; a notice (why a page was reached)
  // leaves the focus where the page puts it, on the form to fill.
  if (kind === "success") return <ArrivalFocus className="success">{children}</ArrivalFocus>;
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}
