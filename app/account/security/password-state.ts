export type PasswordState =
  | { status: "idle" }
  | { status: "changed"; message: string }
  | { status: "error"; message: string; fields: Record<string, string> };
