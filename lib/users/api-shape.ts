import { drfFieldErrors } from "../http/drf-field-errors";

// The old API's (DRF's) reply shapes for the account's own changes, in one place: the
// routes map a use case's result or refusal through these and hold no shape of their own.

export const PASSWORD_CHANGED = "Password changed successfully.";

/** A refused password change: its field errors as `{"field": ["sentence"]}`; null for any other refusal ({"detail"}). */
export function changePasswordRefusal(err: unknown): Record<string, string[]> | null {
  return drfFieldErrors(err);
}
