import { DomainError } from "../errors";

// The old API's sentences (issue 11 point 4).
export const GOOGLE_TOKEN_REQUIRED = "Google token is required.";
export const INVALID_GOOGLE_TOKEN = "Invalid Google token.";
export const GOOGLE_NOT_CONFIGURED = "Google sign-in is not configured.";
export const GOOGLE_LOGIN_OK = "Login successful via Google.";

export const invalidGoogleToken = () => new DomainError("invalid_google_token", INVALID_GOOGLE_TOKEN, 400);
