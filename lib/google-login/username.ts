import { randomInt } from "node:crypto";
import { USERNAME_MAX } from "../users/field-limits";

/**
 * A username for a new Google account: the email's local part in Django's username
 * alphabet (never an "@", so it can never look like someone's address), then with a
 * random number appended on each retry. The database's unique index decides; nothing
 * here checks what exists.
 */
export function usernameCandidate(email: string, attempt: number): string {
  const local = email.slice(0, email.lastIndexOf("@")).normalize("NFKC");
  const base = [...local.replace(/[^\p{L}\p{M}\p{N}.+\-_]/gu, "")].slice(0, USERNAME_MAX - 7).join("") || "user";
  return attempt === 0 ? base : `${base}${randomInt(10 ** Math.min(6, attempt + 2))}`;
}
