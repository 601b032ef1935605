/** The outcome of a one-button server action, announced next to its button. */
export type ActionState = { status: "idle" } | { status: "done" | "error"; message: string };

export const IDLE: ActionState = { status: "idle" };
