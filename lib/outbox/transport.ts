import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { parseConnectionUrl } from "nodemailer/lib/shared/index.js"; // a file: plain Node ESM (the compiled server) does not import directories
import { ConfigError, isProductionDeployment, type Env } from "../config/deployment";
import type { Logger } from "../log/logger";
import { maskEmail } from "../log/logger";
import { renderEmailHtml } from "../mail/html";
import { maskSecrets } from "./mask";

export interface OutgoingEmail {
  id: number;
  kind: string;
  to: string;
  subject: string;
  /** The full text, one-time link secrets included: for the recipient only. */
  text: string;
}

export interface MailTransport {
  /** Stored in Outbox.deliveredVia. */
  via: "smtp" | "dev_mailbox";
  send(message: OutgoingEmail): Promise<void>;
  close(): void;
}

const DEFAULT_FROM = "Zporta Academy <no-reply@zporta.local>";

// Bounded so that one send always ends long before the worker's lease on the row
// (lib/outbox/worker.ts) runs out. SMTP_URL's own query parameters win.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** `SMTP_URL=smtp://…?tls=off`: the one way to allow a mail server without TLS (a local relay). */
export const TLS_OPT_OUT_PARAM = "tls";

/**
 * nodemailer's options for SMTP_URL. Mail carries one-time links and the SMTP password,
 * so TLS is required: `smtps://` is TLS from the first byte, `smtp://` must upgrade with
 * STARTTLS (requireTLS: a server, or an attacker on the path, that does not offer it
 * gets nothing). Only `?tls=off` allows plain text; TLS-weakening parameters in the URL
 * (requireTLS, ignoreTLS, secure) are ignored otherwise.
 */
export function smtpOptions(smtpUrl: string): SMTPTransport.Options {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new ConfigError("SMTP_URL is not a valid URL (e.g. smtp://user:password@mail.example.org:587).");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new ConfigError("SMTP_URL must start with smtp:// (STARTTLS) or smtps:// (implicit TLS).");
  }
  const tls = url.searchParams.get(TLS_OPT_OUT_PARAM);
  if (tls !== null && tls !== "off") throw new ConfigError(`SMTP_URL: ${TLS_OPT_OUT_PARAM}= accepts only "off" (TLS is required otherwise).`);
  const plainAllowed = tls === "off";
  url.searchParams.delete(TLS_OPT_OUT_PARAM);
  if (!plainAllowed) for (const key of ["requireTLS", "ignoreTLS", "secure"]) url.searchParams.delete(key);
  for (const [key, value] of Object.entries(SMTP_TIMEOUTS)) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, String(value));
  }
  const options = parseConnectionUrl(url.toString()) as SMTPTransport.Options;
  const secure = url.protocol === "smtps:";
  return plainAllowed ? options : { ...options, secure, requireTLS: !secure, ignoreTLS: false };
}

/** SMTP through nodemailer, configured by one URL (smtp://user:pass@host:587, smtps://…). */
export function smtpTransport(smtpUrl: string, from = DEFAULT_FROM): MailTransport {
  const transporter = nodemailer.createTransport(smtpOptions(smtpUrl), { from });
  return {
    via: "smtp",
    async send(message) {
      await transporter.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: renderEmailHtml(message.subject, message.text),
        headers: { "X-Outbox-Id": String(message.id), "X-Outbox-Kind": message.kind },
      });
    },
    close: () => transporter.close(),
  };
}

export interface DevMailboxOptions {
  /** Print each message in full (links included) on the terminal: development only. */
  print?: boolean;
  /** Write each message in full to `<dir>/<outbox id>.json` (mode 600): the test suite's mailbox. */
  dir?: string;
}

/**
 * No SMTP configured: nothing leaves the machine. The log gets a masked copy only (no
 * link secret, no full address); staff see the same at /admin/outbox. So that a
 * developer can still follow a link, development prints the whole message on stderr,
 * as plain text and not as a log line, and MAIL_DEV_MAILBOX_DIR keeps it in a file.
 */
export function devMailboxTransport(log: Logger, opts: DevMailboxOptions = {}): MailTransport {
  return {
    via: "dev_mailbox",
    async send(message) {
      if (opts.dir) writeMailboxFile(opts.dir, message);
      if (opts.print) {
        process.stderr.write(
          `\n----- dev mailbox: email #${message.id} (not sent; no SMTP_URL) -----\n` +
            `To: ${message.to}\nSubject: ${message.subject}\n\n${message.text.trimEnd()}\n` +
            `----- end of email #${message.id} -----\n\n`,
        );
      }
      log.info(
        {
          event: "outbox.dev_mailbox",
          outboxId: message.id,
          kind: message.kind,
          toMasked: maskEmail(message.to),
          subject: maskSecrets(message.subject),
          text: maskSecrets(message.text),
        },
        "email kept in the dev mailbox (no SMTP_URL configured)",
      );
    },
    close: () => {},
  };
}

function writeMailboxFile(dir: string, message: OutgoingEmail): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${message.id}.json`);
  // Written whole, then renamed: a reader never sees half a message.
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ ...message, html: renderEmailHtml(message.subject, message.text) }), { mode: 0o600 });
  renameSync(temp, file);
}

/**
 * Which transport the settings ask for. Throws ConfigError (one sentence) when a
 * production deployment has no SMTP_URL and MAIL_DEV_MAILBOX=1 does not say that the dev
 * mailbox is intended (invitees would silently get nothing). The supervisor calls it
 * before starting workers.
 */
export function transportFromEnv(log: Logger, env: Env = process.env): MailTransport {
  const smtpUrl = env.SMTP_URL?.trim();
  if (smtpUrl) return smtpTransport(smtpUrl, env.MAIL_FROM?.trim() || DEFAULT_FROM);
  const production = isProductionDeployment(env);
  if (production && env.MAIL_DEV_MAILBOX !== "1") {
    throw new ConfigError("SMTP_URL is not set: set it (smtps://… or smtp://… with STARTTLS), or MAIL_DEV_MAILBOX=1 to keep emails in the dev mailbox on purpose.");
  }
  return devMailboxTransport(log, {
    print: !production && env.NODE_ENV !== "test",
    dir: env.MAIL_DEV_MAILBOX_DIR?.trim() || undefined,
  });
}

/** Start-up check: the mail settings are usable (see transportFromEnv). */
export function checkMailSettings(log: Logger, env: Env = process.env): void {
  transportFromEnv(log, env).close();
}
