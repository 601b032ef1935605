import { randomBytes } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ConfigError } from "../../lib/config/deployment";
import { smtpOptions, smtpTransport, transportFromEnv } from "../../lib/outbox/transport";
import { startTestSmtp } from "../support/smtp";
import { oneLine, startRefused } from "../support/start-refusal";

// Mail carries one-time links and the SMTP password: TLS unless SMTP_URL opts out, and
// a production server without SMTP_URL starts only when MAIL_DEV_MAILBOX=1 says so.

const silent = pino({ level: "silent" });
const message = (id: number) => ({ id, kind: "test.tls", to: `tls-${id}@example.com`, subject: `TLS ${id}`, text: "Hello." });

describe("smtpOptions: nodemailer's settings for SMTP_URL", () => {
  it("smtp:// must upgrade with STARTTLS; smtps:// is TLS from the start", () => {
    expect(smtpOptions("smtp://u:p%40ss@mail.example.org:587")).toMatchObject({
      host: "mail.example.org",
      port: 587,
      secure: false,
      requireTLS: true,
      ignoreTLS: false,
      auth: { user: "u", pass: "p@ss" },
      connectionTimeout: 10_000,
      socketTimeout: 30_000,
    });
    expect(smtpOptions("smtps://u:p@mail.example.org:465")).toMatchObject({ secure: true, requireTLS: false, port: 465 });
  });

  it("ignores TLS-weakening parameters unless ?tls=off opts out", () => {
    expect(smtpOptions("smtp://mail.example.org:587?requireTLS=false&ignoreTLS=true&secure=false")).toMatchObject({ requireTLS: true, ignoreTLS: false });
    const plain = smtpOptions("smtp://127.0.0.1:25?tls=off");
    expect(plain.requireTLS).toBeFalsy();
    expect(plain).not.toHaveProperty("tls", "off");
    expect(smtpOptions("smtp://mail.example.org?connectionTimeout=500").connectionTimeout).toBe(500);
  });

  it("refuses what it cannot use, in one sentence", () => {
    expect(() => smtpOptions("smtp://mail.example.org?tls=maybe")).toThrow(ConfigError);
    expect(() => smtpOptions("http://mail.example.org")).toThrow(/must start with smtp:\/\/ \(STARTTLS\) or smtps:\/\//);
    expect(() => smtpOptions("not a url")).toThrow(/SMTP_URL is not a valid URL/);
  });
});

describe("delivery and TLS", () => {
  let plain: Awaited<ReturnType<typeof startTestSmtp>>;
  let tls: Awaited<ReturnType<typeof startTestSmtp>>;
  beforeAll(async () => {
    [plain, tls] = await Promise.all([startTestSmtp(), startTestSmtp({ starttls: true })]);
  });
  afterAll(async () => Promise.all([plain.stop(), tls.stop()]));

  it("refuses a server that does not offer STARTTLS by default, and sends nothing to it", async () => {
    const transport = smtpTransport(plain.plainUrl);
    try {
      await expect(transport.send(message(1))).rejects.toThrow(/STARTTLS/i);
    } finally {
      transport.close();
    }
    expect(plain.received).toHaveLength(0);
  });

  it("sends to it in clear only with SMTP_URL's opt-out (?tls=off)", async () => {
    const transport = smtpTransport(plain.url);
    try {
      await transport.send(message(2));
    } finally {
      transport.close();
    }
    expect(plain.received.map((m) => [m.outboxId, m.secure])).toEqual([[2, false]]);
  });

  it("upgrades with STARTTLS when the server offers it", async () => {
    const transport = smtpTransport(tls.url);
    try {
      await transport.send(message(3));
    } finally {
      transport.close();
    }
    expect(tls.received.map((m) => [m.outboxId, m.secure])).toEqual([[3, true]]);
  });
});

describe("no SMTP_URL", () => {
  it("production refuses unless MAIL_DEV_MAILBOX=1 says the dev mailbox is intended", () => {
    for (const env of [{ NODE_ENV: "production" }, { ZPORTA_DEPLOYMENT: "production" }, { NODE_ENV: "production", MAIL_DEV_MAILBOX: "yes" }]) {
      expect(() => transportFromEnv(silent, env)).toThrow(ConfigError);
    }
    expect(transportFromEnv(silent, { NODE_ENV: "production", MAIL_DEV_MAILBOX: "1" }).via).toBe("dev_mailbox");
    expect(transportFromEnv(silent, { NODE_ENV: "production", SMTP_URL: "smtps://mail.example.org" }).via).toBe("smtp");
  });

  it("development prints each message in full on the terminal (not as a log line); tests and production do not", async () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const lines: string[] = [];
    const log = pino({ level: "info" }, { write: (l: string) => lines.push(l) });
    const link = "http://localhost:3000/accept-invitation?token=Zr7dev-link-token_0123456789abcdefghijklmnop";
    const mail = { ...message(4), text: `Accept: ${link}\n` };
    try {
      // `npm start`: the workers run NODE_ENV=production, the supervisor says development.
      await transportFromEnv(log, { NODE_ENV: "production", ZPORTA_DEPLOYMENT: "development" }).send(mail);
      const printed = write.mock.calls.map((c) => String(c[0])).join("");
      expect(printed).toContain(link);
      expect(printed).toContain(`To: ${mail.to}`);
      expect(printed).not.toMatch(/^\{/m); // not pino JSON
      write.mockClear();
      await transportFromEnv(log, { NODE_ENV: "test" }).send(mail);
      await transportFromEnv(log, { NODE_ENV: "production", MAIL_DEV_MAILBOX: "1" }).send(mail);
      expect(write).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
    }
    expect(lines).toHaveLength(3);
    expect(lines.join("")).not.toContain("Zr7dev-link-token");
  });

  it("a production server without SMTP_URL refuses to start: one line, exit code 1", async () => {
    const refusal = await startRefused({ NEXTAUTH_SECRET: randomBytes(48).toString("base64"), MFA_ENCRYPTION_KEY: randomBytes(32).toString("base64url") });
    expect(refusal.code).toBe(1);
    expect(oneLine(refusal)).toMatchObject({
      level: "fatal",
      event: "server.bad_config",
      msg: "SMTP_URL is not set: set it (smtps://… or smtp://… with STARTTLS), or MAIL_DEV_MAILBOX=1 to keep emails in the dev mailbox on purpose.",
    });
  });
});
