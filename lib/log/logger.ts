import pino from "pino";
import pretty from "pino-pretty";

// JSON lines on stdout. Secrets never reach a log line: these paths are censored
// wherever they appear, and emails are logged only through maskEmail().
const options: pino.LoggerOptions<never> = {
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
};

// In a terminal (stdout is a TTY) people read the log: one coloured line per entry, its
// event name first. Everywhere else (systemd, CI, pipes, test log files) JSON lines;
// LOG_FORMAT=json forces them in a terminal too.
const humanReadable = Boolean(process.stdout.isTTY) && process.env.LOG_FORMAT !== "json";

export const logger = humanReadable
  ? pino(
      options,
      pretty({
        sync: true,
        colorize: true,
        singleLine: true,
        translateTime: "SYS:HH:MM:ss.l",
        ignore: "service,hostname,event,role",
        messageFormat: "{if event}{event}: {end}{msg}",
      }),
    )
  : pino(options);

export type Logger = pino.Logger;

/** "jane.doe@example.com" -> "j***@example.com": enough to correlate, not to identify. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}
