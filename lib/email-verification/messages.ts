import { DomainError } from "../errors";

export const INVALID_VERIFICATION_LINK = "This verification link is invalid or has expired.";
export const ALREADY_VERIFIED = "Your email address is already verified.";
export const VERIFICATION_SENT = "We sent a new verification link to your email address.";
export const VERIFY_BEFORE_INVITING = "Verify your email address before inviting teachers.";

export const invalidVerificationLink = () => new DomainError("invalid_link", INVALID_VERIFICATION_LINK, 400);
export const verifyBeforeInviting = () => new DomainError("email_unverified", VERIFY_BEFORE_INVITING, 403);

export const NO_EMAIL = "Your account has no email address yet; ask support to set one.";
