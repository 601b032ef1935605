import { maskEmail } from "../log/logger";

// An email body may carry a secret (the invitation link's token) and addresses. Logs
// get this masked copy: the message's own secret (lib/outbox/secret-text.ts) and, as a
// safety net, any `token=` parameter are replaced, and addresses are masked.

const TOKEN_PARAM = /([?&]token=)[^&\s"'<>]+/gi;
const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/g;

export function maskSecrets(text: string, secret?: string | null): string {
  return redactTokenParams(secret ? text.replaceAll(secret, "[redacted]") : text).replace(EMAIL, (m) => maskEmail(m));
}

/** `token=` query parameters' values replaced (staff pages show old rows through it). */
export function redactTokenParams(text: string): string {
  return text.replace(TOKEN_PARAM, "$1[redacted]");
}
