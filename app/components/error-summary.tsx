"use client";

import { useEffect, useRef } from "react";

/**
 * The one summary at the top of a refused form: each field's sentence as a link to that
 * field, or the form's own sentence when no field is to blame. It takes the focus after
 * each failed submit (keyboard and screen reader users start from it); without
 * JavaScript it is still an alert at the top of the returned page.
 */
export function ErrorSummary({ message, fields, labels }: { message: string; fields: Record<string, string>; labels?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [message, fields]);
  const entries = Object.entries(fields).filter(([, m]) => m);
  return (
    <div id="form-error" className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="form-error-title">
      <h2 id="form-error-title">{entries.length > 1 ? "Please fix these" : "Please fix this"}</h2>
      {entries.length === 0 ? (
        <p>{message}</p>
      ) : (
        <ul>
          {entries.map(([name, m]) => (
            <li key={name}>
              <a href={`#${name}`}>{labels?.[name] ? `${labels[name]}: ${m}` : m}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
