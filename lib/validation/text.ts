import { z } from "zod";

// Shared building blocks for text input. PostgreSQL text cannot hold NUL and the old
// system turned one into a 500; we refuse it (and other control characters except
// tab and newlines) with a sentence.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A string field; non-strings get "<Label> must be text.". */
export function text(label: string, opts: { max: number; required?: string }) {
  const base = z.string({
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? (opts.required ?? `${label} is required.`)
        : `${label} must be text.`,
  });
  return base
    .refine((s) => !CONTROL.test(s), `${label} contains a character that is not allowed.`)
    .refine((s) => s.length <= opts.max, `${label} must be at most ${opts.max} characters.`);
}

/** Optional text: missing, null, "" and blank all mean "not given". */
export function optionalText(label: string, max: number) {
  return z.preprocess(
    (v) => (v === null ? undefined : v),
    text(label, { max })
      .optional()
      .transform((v) => (v === undefined || v.trim() === "" ? undefined : v)),
  );
}
