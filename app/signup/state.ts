// The password is deliberately not part of the values echoed back to the form.
export interface SignupValues {
  username: string;
  email: string;
  role: string;
  bio: string;
}

export type SignupState =
  | { status: "idle" }
  | { status: "error"; message: string; fields: Record<string, string>; values: SignupValues }
  | { status: "success"; username: string };
