// Password fields are never refilled.
export type ResetState = { status: "idle" } | { status: "error"; message: string; fields: Record<string, string> };
