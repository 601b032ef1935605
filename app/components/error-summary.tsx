"use client";

import { useEffect, useRef } from "react";

/**
 * The one summary at the top of a refused form: each field's sentence as a link to that
 * field, or the form's own sentence when no field is to blame. It takes the focus after
 * each failed submit (keyboard and screen reader users start from it); without
 * JavaScript it is still an alert at the top of the returned page.
 */
export function ErrorSummary({ message, fields = {} }: { message: string; fields?: Record<string, string | undefined> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [message, fields]);
  const entries = Object.entries(fields).filter((e): e is [string, string] => Boolean(e[1]));
  return (
    <div id="form-error" className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      {entries.length === 0 ? (
        message
      ) : entries.length === 1 ? (
        <a href={`#${entries[0][0]}`}>{entries[0][1]}</a>
      ) : (
        <ul>
          {entries.map(([name, m]) => (
            <li key={name}>
              <a href={`#${name}`}>{m}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
