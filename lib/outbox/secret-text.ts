// How an email's one-time secret is kept apart from its text (see the Outbox migration
// 20261201000300_outbox_secret). Offsets count characters (Unicode code points), as
// PostgreSQL's char_length() does, so the CHECK on "secretAt" and this code agree.

export const REDACTED = "[redacted]";

/** Takes the single occurrence of `secret` out of `text`: what the Outbox row stores. */
export function separateSecret(text: string, secret: string): { text: string; secretAt: number } {
  const first = text.indexOf(secret);
  if (!secret || first < 0 || text.indexOf(secret, first + 1) >= 0) {
    // A programming error in the caller, never an outcome of input.
    throw new Error("An email's secret must occur exactly once in its text.");
  }
  const before = text.slice(0, first);
  return { text: before + text.slice(first + secret.length), secretAt: Array.from(before).length };
}

/** `text` with `insert` put back at `secretAt`; unchanged when the message has no secret. */
export function insertAt(text: string, secretAt: number | null, insert: string): string {
  if (secretAt === null) return text;
  const chars = Array.from(text);
  return chars.slice(0, secretAt).join("") + insert + chars.slice(secretAt).join("");
}

/** The message as its recipient gets it. */
export function fullText(row: { text: string; secret: string | null; secretAt: number | null }): string {
  return row.secret === null ? row.text : insertAt(row.text, row.secretAt, row.secret);
}

/** The message as staff pages and logs show it: the secret's place marked, never the secret. */
export function redactedText(row: { text: string; secretAt: number | null }): string {
  return insertAt(row.text, row.secretAt, REDACTED);
}
