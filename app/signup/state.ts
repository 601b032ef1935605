// The password is deliberately not part of the values echoed back to the form.
export interface SignupValues {
  username: string;
  email: string;
  role: string;
  bio: string;
}

// Success is not a state: the action redirects (to /account, or to /login without JavaScript).
export type SignupState =
  | { status: "idle" }
  | { status: "error"; message: string; fields: Record<string, string>; values: SignupValues };
