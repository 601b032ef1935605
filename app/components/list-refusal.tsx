import Link from "next/link";
import { type DomainError, isDomainError } from "@/lib/errors";
import { FormMessage } from "./field";

/**
 * A staff list read from the address: a hand-edited one (?status=maybe, ?page=0) gets the
 * domain's 400 sentence to show, not a 500. Anything else still throws.
 */
export function listOrRefusal<T>(list: Promise<T>): Promise<T | DomainError> {
  return list.catch((err) => {
    if (isDomainError(err) && err.status === 400) return err;
    throw err;
  });
}

/** The refusal's sentence with a link back to the unfiltered list. */
export function ListRefusal({ error, path, reset }: { error: DomainError; path: string; reset: string }) {
  return (
    <FormMessage kind="error">
      {error.message} <Link href={path}>{reset}</Link>
    </FormMessage>
  );
}
