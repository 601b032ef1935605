import { DomainError } from "../errors";

export const NEW_EMAIL_REQUIRED = "New email address is required.";
export const SAME_EMAIL = "That is already your email address.";
export const EMAIL_CHANGE_PASSWORD_REQUIRED = "Enter your current password to change your email address.";
export const INVALID_EMAIL_CHANGE_LINK = "This email change link is invalid or has expired.";
export const USERNAME_IS_EMAIL =
  "Your username is your email address, so the address cannot change on its own. Ask support to change both.";
export const invalidEmailChangeLink = () => new DomainError("invalid_link", INVALID_EMAIL_CHANGE_LINK, 400);
export const newEmailRefused = (message: string, code = "invalid") => new DomainError(code, message, 400, { new_email: message });
export const INVALID_UNDO_LINK = "This link to undo an email change is invalid, has expired or was already used.";
export const EMAIL_CHANGE_UNDO_TAKEN = "That address now belongs to another account, so it cannot be given back to this one. Contact support.";
export const invalidUndoLink = () => new DomainError("invalid_link", INVALID_UNDO_LINK, 400);
// The JSON API's answers (app/api/users/email-change/).
export const EMAIL_CHANGE_SENT = "We sent a link to the new address. Open it to confirm; until then your email address stays the same.";
export const EMAIL_CHANGED = "Your email address has been changed.";
export const EMAIL_CHANGE_UNDONE =
  "The email address change was undone: everyone was signed out, and a link to choose a new password was sent to the restored address.";
