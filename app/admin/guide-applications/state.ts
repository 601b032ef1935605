export type DecisionState =
  | { status: "idle" }
  | { status: "done"; message: string }
  | { status: "error"; message: string; fields: Record<string, string>; notes: string };
