// The pages' own sentences, in one vocabulary: "sign-in link" (never "login link"),
// "required", "incorrect". The old JSON API keeps its exact English sentences in the
// use cases' messages; these are only what pages say around them.

export const SESSION_ENDED = "Your session has ended. Sign in again and retry.";

export const EMAIL_VERIFIED = "Thank you: your email address is verified.";
export const EMAIL_VERIFIED_EVICTED =
  "Thank you: your email address is verified. Everyone else was signed out and the password removed; we emailed you a link to choose a new one.";

export const GUIDE_APPLICATION_PENDING =
  "Your application is waiting for review. We will email you when it has been decided, with the reviewer's note if there is one.";

// Both forms written out: pages find each in the `errors` catalogue by its English text.
export const SIGNED_OUT_OTHERS = (n: number) => (n === 1 ? "Signed out of 1 other session." : `Signed out of ${n} other sessions.`);

export const required = (what: string) => `${what} is required.`;

// The use cases' "required" sentences (kept for the old API) that name several fields or
// none; a page says instead which field, under that field only.
// Written out, not imported: this module is in client bundles, and register-schema
// pulls in the password policy's dictionaries. tests/ui-messages.test.ts keeps them equal.
export const REGISTER_REQUIRED = "Username, email, and password are required.";
export const BLANK = "This field may not be blank.";
const GENERIC_REQUIRED = new Set([REGISTER_REQUIRED, BLANK]);

/** The field sentences a page shows: each specific to its field, never one sentence under several. */
export function pageFieldErrors(fields: Record<string, string>, labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, message]) => [name, GENERIC_REQUIRED.has(message) && labels[name] ? required(labels[name]) : message]),
  );
}

export const PAGE_INVALID_CREDENTIALS = "Your username or email, or your password, is incorrect.";
export const SIGN_IN_LINK_SENT = "If an account with that email exists, a sign-in link has been sent.";
