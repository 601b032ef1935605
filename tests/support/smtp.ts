import { SMTPServer } from "smtp-server";
import { freePort } from "../../lib/db/embedded";

export interface ReceivedMail {
  outboxId: number | null;
  to: string[];
  raw: string;
  /** The raw message with quoted-printable soft line breaks undone. */
  body: string;
  /** Whether the connection was encrypted (STARTTLS) when the message came. */
  secure: boolean;
}

/**
 * A real SMTP server on loopback (the nodemailer project's smtp-server), collecting
 * what it receives. `refuse(rcpt)` returning true answers 450 to that recipient.
 * Without `starttls` it offers no TLS, so `url` carries the opt-out (`?tls=off`) and
 * `plainUrl` does not; with it, it offers STARTTLS with smtp-server's self-signed
 * certificate, which `url` tells nodemailer to accept.
 */
export async function startTestSmtp(opts: { refuse?: (rcpt: string) => boolean; starttls?: boolean } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: opts.starttls ? ["AUTH"] : ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (opts.refuse?.(address.address)) {
        return callback(Object.assign(new Error("Mailbox busy, try later"), { responseCode: 450 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const id = raw.match(/^X-Outbox-Id: (\d+)/im);
        received.push({
          outboxId: id ? Number(id[1]) : null,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          body: raw.replace(/=\r?\n/g, "").replace(/=3D/g, "="),
          secure: session.secure,
        });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const plainUrl = `smtp://127.0.0.1:${port}`;
  return {
    url: opts.starttls ? `${plainUrl}?tls.rejectUnauthorized=false` : `${plainUrl}?tls=off`,
    plainUrl,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
