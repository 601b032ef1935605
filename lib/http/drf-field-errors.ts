import { isDomainError } from "../errors";

/**
 * The old API's (DRF's) field errors: `{"field": ["sentence"]}` for a 400 refusal that
 * names fields, or null when `err` names none (the route then maps it as usual).
 */
export function drfFieldErrors(err: unknown): Record<string, string[]> | null {
  if (!isDomainError(err) || err.status !== 400 || !err.fields) return null;
  return Object.fromEntries(Object.entries(err.fields).map(([field, message]) => [field, [message]]));
}
