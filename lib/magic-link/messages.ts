import { DomainError } from "../errors";

// The old API's sentences (issue 11 point 3), ours for the page.
export const MAGIC_LINK_SENT = "If an account with that email exists, a login link has been sent.";
export const EMAIL_REQUIRED = "Email field is required.";
export const INVALID_MAGIC_LINK = "This sign-in link is invalid or has expired. Ask for a new one.";

export const invalidMagicLink = () => new DomainError("invalid_link", INVALID_MAGIC_LINK, 400);
