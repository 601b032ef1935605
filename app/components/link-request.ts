// The state of a form that asks for an emailed link (/forgot-password, /magic-link). The
// typed address is kept; the answer is the same sentence for every address.
export type LinkRequestState =
  | { status: "idle" }
  | { status: "sent"; message: string; email: string }
  | { status: "error"; message: string; email: string; field?: string };
