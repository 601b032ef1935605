// The sentences of the second factor (the token API's exact ones come from issue 20).

export const INVALID_CODE = "Invalid code.";
export const CODE_REQUIRED = "Enter the code from your authenticator app or a recovery code.";
export const PASSWORD_REQUIRED = "Enter your password.";
export const WRONG_PASSWORD = "The password is incorrect.";
export const TOTP_ALREADY_ON = "An authenticator app is already set up. Turn it off first to set up another.";
export const TOTP_NOT_STARTED = "Start setting up the authenticator app first.";
export const TWO_FACTOR_OFF = "Two-factor authentication is not turned on.";
export const MFA_REQUIRED = "Two-factor authentication required.";
export const MFA_TOKEN_EXPIRED = "This sign-in has expired or was already used. Sign in again.";
export const BODY_NOT_OBJECT = "The request body must be a JSON object.";
