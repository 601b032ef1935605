// The password is never echoed back.
export type LoginState =
  | { status: "idle" }
  | { status: "error"; message: string; username: string };

// The page says it in a sentence (lib/ui-messages); the old API's terse "Invalid credentials" stays in the API.
export { PAGE_INVALID_CREDENTIALS } from "@/lib/ui-messages";
