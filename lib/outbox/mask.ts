import { maskEmail } from "../log/logger";

// An email body may carry a secret (the invitation link's token) and addresses. Logs
// get this masked copy; only the dev mailbox (staff only) keeps the real text.

const TOKEN_PARAM = /([?&]token=)[^&\s"'<>]+/gi;
const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/g;

export function maskSecrets(text: string): string {
  return text.replace(TOKEN_PARAM, "$1[redacted]").replace(EMAIL, (m) => maskEmail(m));
}
