export const INVALID_EXCHANGE_CODE = "This sign-in code is invalid, already used or expired: sign in again.";
export const EXCHANGE_CODE_REQUIRED = "The code field is required.";
