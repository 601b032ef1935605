import { isDomainError } from "../errors";
import { ENTER_VALID_EMAIL } from "./messages";

// The old API's (DRF's) reply shapes for password reset, in one place: routes map a
// use case's result or refusal through these and hold no shape of their own.

/** A refused reset request: any input error is DRF's one sentence on the email field. */
export function resetRequestRefusal(err: unknown): Record<string, string[]> | null {
  return isDomainError(err) && err.code === "invalid" ? { email: [ENTER_VALID_EMAIL] } : null;
}
