/** The member page's action form: idle, an outcome, or "confirm" (a dangerous choice asks first), keeping the choice and reason. */
export type MemberFormState =
  | { status: "idle" }
  | { status: "done"; message: string }
  | { status: "error" | "confirm"; message: string; kind?: string; reason?: string };

export const MEMBER_FORM_IDLE: MemberFormState = { status: "idle" };
