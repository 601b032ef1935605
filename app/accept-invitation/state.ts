// The password is deliberately not echoed back.
export interface RegisterValues {
  username: string;
  bio: string;
}

// Success is not a state: the action signs the new guide in and redirects.
export type RegisterState =
  | { status: "idle" }
  | { status: "error"; n: number; message: string; fields: Record<string, string>; values: RegisterValues };
