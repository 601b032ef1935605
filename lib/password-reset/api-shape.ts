import { isDomainError } from "../errors";
import { ENTER_VALID_EMAIL } from "./messages";

// The old API's (DRF's) reply shapes for password reset, in one place: routes map a
// use case's result or refusal through these and hold no shape of their own.

/** DRF's field errors: `{"field": ["sentence"]}`, or null when `err` names no fields. */
export function drfFieldErrors(err: unknown): Record<string, string[]> | null {
  if (!isDomainError(err) || err.status !== 400 || !err.fields) return null;
  return Object.fromEntries(Object.entries(err.fields).map(([field, message]) => [field, [message]]));
}

/** A refused reset request: any input error is DRF's one sentence on the email field. */
export function resetRequestRefusal(err: unknown): Record<string, string[]> | null {
  return isDomainError(err) && err.code === "invalid" ? { email: [ENTER_VALID_EMAIL] } : null;
}
