export interface SendValues {
  inviteeEmail: string;
  personalMessage: string;
}

// n counts answers: the form is re-keyed on each one, so React's reset after an action
// never leaves it showing stale or cleared values.
export type SendState =
  | { status: "idle" }
  | { status: "sent"; n: number; message: string }
  | { status: "error"; n: number; message: string; fields: Record<string, string>; values: SendValues };
