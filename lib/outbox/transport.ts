import nodemailer from "nodemailer";
import type { Logger } from "../log/logger";
import { maskEmail } from "../log/logger";
import { maskSecrets } from "./mask";

export interface OutgoingEmail {
  id: number;
  kind: string;
  to: string;
  subject: string;
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

/** SMTP through nodemailer, configured by one URL (smtp://user:pass@host:587, smtps://…). */
export function smtpTransport(smtpUrl: string, from = DEFAULT_FROM): MailTransport {
  const url = new URL(smtpUrl);
  for (const [key, value] of Object.entries(SMTP_TIMEOUTS)) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, String(value));
  }
  const transporter = nodemailer.createTransport(url.toString(), { from });
  return {
    via: "smtp",
    async send(message) {
      await transporter.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        headers: { "X-Outbox-Id": String(message.id), "X-Outbox-Kind": message.kind },
      });
    },
    close: () => transporter.close(),
  };
}

/**
 * No SMTP configured: the Outbox row itself is the mailbox (staff read it at
 * /admin/outbox). The log gets a masked copy only: no token, no full address.
 */
export function devMailboxTransport(log: Logger): MailTransport {
  return {
    via: "dev_mailbox",
    async send(message) {
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

export function transportFromEnv(log: Logger, env: Record<string, string | undefined> = process.env): MailTransport {
  const smtpUrl = env.SMTP_URL?.trim();
  return smtpUrl ? smtpTransport(smtpUrl, env.MAIL_FROM?.trim() || DEFAULT_FROM) : devMailboxTransport(log);
}
