// The password is never echoed back.
export type LoginState =
  | { status: "idle" }
  | { status: "error"; message: string; username: string };

// The page says it in a sentence; the old API's terse "Invalid credentials" stays in the API.
export const PAGE_INVALID_CREDENTIALS = "The username/email or password is not right.";
