import { DomainError } from "../errors";

// The old API's sentences (issue 11 point 1).
export const RESET_REQUESTED = "If an account exists for this email, a password reset link has been sent.";
export const RESET_DONE = "Password has been reset successfully.";
export const INVALID_RESET_LINK = "Invalid or expired password reset link.";
export const ENTER_VALID_EMAIL = "Enter a valid email address.";
export const FIELD_REQUIRED = "This field is required.";
export const PASSWORDS_DIFFER = "The two passwords do not match.";

export const invalidResetLink = () => new DomainError("invalid_link", INVALID_RESET_LINK, 400);
