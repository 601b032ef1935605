import pino from "pino";
import pretty from "pino-pretty";
import { describeDbError } from "../db/errors";

// JSON lines on stdout (asynchronously, see `destination`). Secrets never reach a log line: these paths are censored
// wherever they appear, emails are logged only through maskEmail(), and an error logged
// as `err` goes through safeErr().
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
  serializers: { err: safeErr },
};

// In a terminal (stdout is a TTY) people read the log: one coloured line per entry, its
// event name first. Everywhere else (systemd, CI, pipes, test log files) JSON lines;
// LOG_FORMAT=json forces them in a terminal too.
const humanReadable = Boolean(process.stdout.isTTY) && process.env.LOG_FORMAT !== "json";

// JSON lines are written asynchronously and in batches: a request never waits for
// stdout (a slow journal or a full pipe), and under load one write() carries many lines
// (a CPU profile under sign-up load showed a write per line costing ~2 % of a worker's
// CPU). A line waits at most 100 ms. Nothing is lost on the way out: a graceful stop
// awaits drainLog() before exiting, and any other exit writes what is left synchronously
// (here and in pino's own exit hook).
const destination = humanReadable ? undefined : pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 100 });

/** Writes every buffered log line now (synchronously); for exit paths. */
export function flushLog(): void {
  try {
    destination?.flushSync();
  } catch {
    // Not open yet or already closed: nothing buffered that could still be written.
  }
}

/** Resolves once every log line written so far has reached stdout. */
export function drainLog(): Promise<void> {
  // With a minLength, SonicBoom's flush(cb) writes the buffer and calls back once every
  // write has completed (an fsync error on a pipe is irrelevant here).
  return new Promise((resolve) => {
    if (!destination) return resolve();
    try {
      destination.flush(() => resolve());
    } catch {
      resolve(); // destroyed: nothing left to write
    }
  });
}

if (destination) process.on("exit", flushLog);

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
  : pino(options, destination);

export type Logger = pino.Logger;

/** "jane.doe@example.com" -> "j***@example.com": enough to correlate, not to identify. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

function isDbError(err: object): boolean {
  const e = err as Record<string, unknown>;
  const name = typeof e.name === "string" ? e.name : "";
  return (
    name.startsWith("PrismaClient") ||
    name === "DriverAdapterError" ||
    typeof e.clientVersion === "string" ||
    // node-postgres' DatabaseError: its `detail` quotes the row ("Key (email)=(…)").
    (typeof e.severity === "string" && typeof e.code === "string")
  );
}

/** The stack's frames only: V8 repeats the message at the top of `stack`. */
function framesOf(err: object): string | undefined {
  const stack = (err as { stack?: unknown }).stack;
  if (typeof stack !== "string") return undefined;
  return stack
    .split("\n")
    .filter((l) => /^\s+at /.test(l))
    .join("\n");
}

/**
 * pino's `err` serializer, made safe for database errors: a Prisma validation error's
 * message quotes the call's arguments (a password hash, a token, an email), a driver
 * error's detail quotes the row. Those are logged as describeDbError()'s one-line,
 * value-free description and the stack's frames. Other errors are logged as pino logs
 * them, except that a database error among their causes gets the same treatment.
 */
export function safeErr(err: unknown): unknown {
  if (err === null || typeof err !== "object") return err;
  if (isDbError(err)) {
    return { type: (err as Error).name || "DatabaseError", ...describeDbError(err), stack: framesOf(err) };
  }
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  const cause = (err as { cause?: unknown }).cause;
  if (cause && typeof cause === "object") {
    // pino folds the causes' messages and stacks into these; keep this error's own.
    out.message = (err as Error).message;
    out.stack = (err as Error).stack;
    out.cause = safeErr(cause);
  }
  return out;
}
