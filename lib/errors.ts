// Expected failures are values of this class: each carries its HTTP status and the
// sentence a person (or an old API client) reads. Anything else is a fault.

export class DomainError extends Error {
  constructor(
    /** Machine-readable reason, also used in logs (e.g. "username_taken"). */
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Per-field messages for forms. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}
