import pino from "pino";

// JSON lines on stdout. Secrets never reach a log line: these paths are censored
// wherever they appear, and emails are logged only through maskEmail().
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { service: "zporta-accounts", pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: [
      "password",
      "*.password",
      "passwordHash",
      "*.passwordHash",
      "token",
      "*.token",
      "email",
      "*.email",
      "headers.authorization",
      "headers.cookie",
    ],
    censor: "[redacted]",
  },
  formatters: { level: (label) => ({ level: label }) },
});

export type Logger = pino.Logger;

/** "jane.doe@example.com" -> "j***@example.com": enough to correlate, not to identify. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}
