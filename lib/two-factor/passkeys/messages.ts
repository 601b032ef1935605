export const PASSKEY_NOT_ACCEPTED = "This passkey was not accepted. Try again, or use another way to sign in.";
export const PASSKEY_CHALLENGE_EXPIRED = "This passkey request has expired or was already used. Try again.";
export const PASSKEY_NAME_REQUIRED = "Give the passkey a name (at most 100 characters).";
export const PASSKEY_NOT_FOUND = "No such passkey.";
export const PASSKEY_RESPONSE_REQUIRED = "The passkey response is missing or not valid.";
