/**
 * One field of an input that should be an object, or undefined: for use cases whose input
 * is a few loose values checked further down (a link's uid and token go straight into
 * consumeLink's own checks) rather than a zod schema.
 */
export function fieldOf(input: unknown, key: string): unknown {
  return input !== null && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>)[key] : undefined;
}
