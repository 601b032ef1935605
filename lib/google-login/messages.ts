import { DomainError } from "../errors";

// The old API's sentences (issue 11 point 4).
export const GOOGLE_TOKEN_REQUIRED = "Google token is required.";
export const INVALID_GOOGLE_TOKEN = "Invalid Google token.";
export const GOOGLE_NOT_CONFIGURED = "Google sign-in is not configured.";
export const GOOGLE_LOGIN_OK = "Login successful via Google.";

export const invalidGoogleToken = () => new DomainError("invalid_google_token", INVALID_GOOGLE_TOKEN, 400);

// Issue 18: Google identities are bound to their subject ("sub"), never to an address alone.
export const OTHER_GOOGLE_ACCOUNT = "This email address is already linked to a different Google account.";
export const GOOGLE_LINKED_ELSEWHERE = "This Google account is already linked to another account.";
export const STAFF_NOT_LINKED =
  "Google sign-in is not linked to this staff account: sign in with your password, then use the Google button while signed in to link it.";
export const DOMAIN_NOT_ALLOWED = "This Google account's domain may not sign in here.";

export const otherGoogleAccount = () => new DomainError("google_other_subject", OTHER_GOOGLE_ACCOUNT, 409);
export const googleLinkedElsewhere = () => new DomainError("google_linked_elsewhere", GOOGLE_LINKED_ELSEWHERE, 409);
export const staffNotLinked = () => new DomainError("google_staff_not_linked", STAFF_NOT_LINKED, 403);
export const domainNotAllowed = () => new DomainError("google_domain_not_allowed", DOMAIN_NOT_ALLOWED, 403);
