/** The delete form's outcome: a refusal with its sentence per field (the form ends in a redirect otherwise). */
export type DeleteState = { status: "idle" } | { status: "error"; message: string; fields: Record<string, string> };

export const DELETE_IDLE: DeleteState = { status: "idle" };
