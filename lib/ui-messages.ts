// The pages' own sentences, in one vocabulary: "sign-in link" (never "login link"),
// "required", "incorrect". The old JSON API keeps its exact English sentences in the
// use cases' messages; these are only what pages say around them.

export const SESSION_ENDED = "Your session has ended. Sign in again and retry.";

export const EMAIL_VERIFIED = "Thank you: your email address is verified.";
export const EMAIL_VERIFIED_EVICTED =
  "Thank you: your email address is verified. Everyone else was signed out and the password removed; we emailed you a link to choose a new one.";

export const GUIDE_APPLICATION_PENDING =
  "Your application is waiting for review. We will email you when it has been decided, with the reviewer's note if there is one.";

export const SIGNED_OUT_OTHERS = (n: number) => `Signed out of ${n} other session${n === 1 ? "" : "s"}.`;

export const required = (what: string) => `${what} is required.`;
