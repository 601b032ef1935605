import type { z } from "zod";
import { DomainError } from "../errors";

/**
 * Parses with a zod schema and turns failures into one DomainError: the first
 * issue's sentence (or `preferred`, when any issue says it) plus a per-field map.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  preferred?: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    if (issue.path.length) fields[String(issue.path[0])] ??= issue.message;
  }
  const messages = result.error.issues.map((i) => i.message);
  const usePreferred = preferred !== undefined && messages.includes(preferred);
  throw new DomainError(
    usePreferred ? "missing_required" : "invalid",
    usePreferred ? preferred : (messages[0] ?? "The request is not valid."),
    400,
    Object.keys(fields).length ? fields : undefined,
  );
}
