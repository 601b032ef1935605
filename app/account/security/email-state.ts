export type EmailChangeState =
  | { status: "idle" }
  | { status: "sent"; message: string }
  | { status: "error"; message: string; fields: Record<string, string>; newEmail: string };
