import { testContext } from "../support/context";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitSchema, type Db } from "../../lib/db/client";
import { publicBaseUrl } from "../../lib/config/public-base-url";
import { inTransaction } from "../../lib/db/transaction";
import { enqueueEmail } from "../../lib/outbox/enqueue";
import { getOutboxMessage, listOutbox } from "../../lib/outbox/list";
import { maskSecrets } from "../../lib/outbox/mask";
import { devMailboxTransport, smtpTransport, transportFromEnv, type MailTransport } from "../../lib/outbox/transport";
import { backoffSeconds, deliverDueEmails, startOutboxWorker, stopOutboxWorker } from "../../lib/outbox/worker";
import { uniq, withPg } from "../support/helpers";
import { domainStorm } from "../support/domain-storm";
import { startTestSmtp } from "../support/smtp";
import { isolatedSchema, makeStaff, makeUser } from "../support/teach";
import { waitFor } from "../support/wait";

// The worker claims every due row it can see, so these tests run in a schema of their
// own: no other test's (or a running server's) rows, no other worker.

let db: Db;
let url: string;
/** The same schema for a plain `pg` client (which ignores Prisma's ?schema=). */
let pgUrl: string;
beforeAll(async () => {
  ({ db, url } = await isolatedSchema());
  pgUrl = splitSchema(url).connectionString;
});

function capture() {
  const lines: string[] = [];
  const log = pino(
    { level: "info" },
    new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    }),
  );
  return { log, lines, text: () => lines.join("") };
}

const TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

/** `n` emails, each carrying TOKEN as its one-time secret (as an invitation's link does). */
async function queue(n: number, over: Partial<{ to: (i: number) => string; kind: string }> = {}) {
  const tag = uniq("m");
  await inTransaction(db, (tx) =>
    enqueueEmail(
      tx,
      ...Array.from({ length: n }, (_, i) => ({
        kind: over.kind ?? "test.message",
        to: over.to?.(i) ?? `${tag}-${i}@example.com`,
        subject: `Subject ${tag} ${i}`,
        text: `Hello ${i}.\nYour link: https://academy.example.org/accept-invitation?token=${TOKEN}\nBye.`,
        secret: TOKEN,
      })),
    ),
  );
  return db.outbox.findMany({ where: { subject: { startsWith: `Subject ${tag} ` } }, orderBy: { id: "asc" } });
}

/** Makes every pending row due now (instead of waiting out a backoff). */
const makeDue = () => withPg((c) => c.query(`UPDATE "Outbox" SET "nextAttemptAt" = now() WHERE status = 'pending'`), pgUrl);

describe("enqueueEmail", () => {
  it("writes with the caller's transaction: a rollback leaves no email behind", async () => {
    const subject = uniq("rolledback");
    await expect(
      inTransaction(db, async (tx) => {
        await enqueueEmail(tx, { kind: "test.message", to: "x@example.com", subject, text: "t" });
        throw new Error("business write failed");
      }),
    ).rejects.toThrow("business write failed");
    expect(await db.outbox.count({ where: { subject } })).toBe(0);
  });
});

describe("delivery to the dev mailbox (no SMTP_URL)", () => {
  it("marks messages delivered to the dev mailbox, drops their secret, logs only a masked copy", async () => {
    const rows = await queue(2);
    rows.forEach((row, i) => {
      // Pending: the secret is kept apart from the text, where it goes is remembered.
      expect(row).toMatchObject({ secret: TOKEN, text: `Hello ${i}.\nYour link: https://academy.example.org/accept-invitation?token=\nBye.` });
      expect(row.secretAt).toBe(row.text.indexOf("token=") + "token=".length);
    });
    const { log, text } = capture();
    const report = await deliverDueEmails(db, { transport: devMailboxTransport(log), log });
    expect(report).toMatchObject({ claimed: 2, delivered: 2, retrying: 0, failed: 0 });
    for (const row of rows) {
      const after = await db.outbox.findUniqueOrThrow({ where: { id: row.id } });
      expect(after).toMatchObject({ status: "delivered", deliveredVia: "dev_mailbox", attempts: 1, lastError: null });
      expect(after.deliveredAt).toBeInstanceOf(Date);
      expect(after.secret).toBeNull(); // the email is the only copy now
      expect(JSON.stringify(after)).not.toContain(TOKEN);
    }
    const logged = text();
    expect(logged).toContain('"event":"outbox.dev_mailbox"');
    expect(logged).toContain("token=[redacted]");
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain(rows[0].to);
    expect(logged).toContain(`${rows[0].to[0]}***@example.com`);
  });

  it("staff read it with listOutbox/getOutboxMessage; others are refused", async () => {
    const [row] = await queue(1);
    const staff = await makeStaff(db);
    const user = await makeUser(db);
    const page = await listOutbox({ status: "pending" }, testContext({ actor: staff, db: db }));
    expect(page.items.map((m) => m.id)).toContain(row.id);
    // Staff never see the secret, not even before delivery.
    const shown = await getOutboxMessage({ id: String(row.id) }, testContext({ actor: staff, db: db }));
    expect(shown.text).toContain("accept-invitation?token=[redacted]\nBye.");
    expect(JSON.stringify(shown)).not.toContain(TOKEN);
    expect(JSON.stringify(page.items)).not.toContain(TOKEN);
    expect(page.items.find((m) => m.id === row.id)?.text).toContain("token=[redacted]");
    await expect(listOutbox({}, testContext({ actor: user, db: db }))).rejects.toMatchObject({ status: 403 });
    await expect(getOutboxMessage({ id: row.id }, testContext({ actor: user, db: db }))).rejects.toMatchObject({ status: 403 });
    await expect(getOutboxMessage({ id: 2_000_000_000 }, testContext({ actor: staff, db: db }))).rejects.toMatchObject({ status: 404 });
    await expect(listOutbox({ status: "lost" }, testContext({ actor: staff, db: db }))).rejects.toMatchObject({ status: 400 });
  });
});

describe("delivery through SMTP (nodemailer)", () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  const busy = new Set<string>();
  beforeAll(async () => {
    smtp = await startTestSmtp({ refuse: (rcpt) => busy.has(rcpt) || rcpt.startsWith("always-busy") });
  });
  afterAll(async () => smtp.stop());

  it("sends the stored message and records it as delivered via smtp", async () => {
    await deliverDueEmails(db, { transport: devMailboxTransport(pino({ level: "silent" })) }); // drain earlier rows
    const [row] = await queue(1);
    const transport = smtpTransport(smtp.url);
    try {
      expect(await deliverDueEmails(db, { transport })).toMatchObject({ claimed: 1, delivered: 1 });
    } finally {
      transport.close();
    }
    const mail = smtp.received.find((m) => m.outboxId === row.id)!;
    expect(mail.to).toEqual([row.to]);
    expect(mail.raw).toMatch(new RegExp(`^Subject: ${row.subject}`, "m"));
    expect(mail.body).toMatch(new RegExp(`accept-invitation\\?token=${TOKEN}\\r?\\nBye\\.`)); // the recipient gets the whole link
    expect(await db.outbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "delivered", deliveredVia: "smtp", secret: null });
  });

  it("retries with backoff after a temporary failure, then delivers", async () => {
    const [row] = await queue(1);
    busy.add(row.to);
    const { log, text } = capture();
    const transport = smtpTransport(smtp.url);
    try {
      expect(await deliverDueEmails(db, { transport, log })).toMatchObject({ claimed: 1, retrying: 1 });
      const failed = await db.outbox.findUniqueOrThrow({ where: { id: row.id } });
      expect(failed).toMatchObject({ status: "pending", attempts: 1, deliveredAt: null });
      expect(failed.lastError).toMatch(/Mailbox busy/);
      expect(failed.secret).toBe(TOKEN); // still to be sent
      const [{ wait }] = (
        await withPg((c) => c.query(`SELECT extract(epoch FROM "nextAttemptAt" - now())::float AS wait FROM "Outbox" WHERE id = $1`, [row.id]), pgUrl)
      ).rows;
      expect(wait).toBeGreaterThan(20); // 30 s ± 20 %
      expect(wait).toBeLessThan(40);
      // Not due yet: a pass leaves it alone.
      expect((await deliverDueEmails(db, { transport })).claimed).toBe(0);
      busy.delete(row.to);
      await makeDue();
      expect(await deliverDueEmails(db, { transport })).toMatchObject({ claimed: 1, delivered: 1 });
    } finally {
      transport.close();
    }
    expect(await db.outbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "delivered", attempts: 2, lastError: null });
    expect(text()).toContain('"event":"outbox.retry"');
    expect(text()).not.toContain(row.to);
  });

  it("gives up after maxAttempts and marks the message failed", async () => {
    const [row] = await queue(1, { to: () => `always-busy-${uniq("x")}@example.com` });
    const transport = smtpTransport(smtp.url);
    try {
      await deliverDueEmails(db, { transport, maxAttempts: 3 });
      await makeDue();
      await deliverDueEmails(db, { transport, maxAttempts: 3 });
      await makeDue();
      expect(await deliverDueEmails(db, { transport, maxAttempts: 3 })).toMatchObject({ failed: 1 });
      await makeDue();
      expect((await deliverDueEmails(db, { transport, maxAttempts: 3 })).claimed).toBe(0);
    } finally {
      transport.close();
    }
    expect(await db.outbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "failed", attempts: 3, deliveredAt: null, secret: null });
  });

  it("4 worker processes draining 60 messages at once send each exactly once", async () => {
    await makeDue();
    await deliverDueEmails(db, { transport: devMailboxTransport(pino({ level: "silent" })) }); // leave only ours
    const rows = await queue(60);
    const before = smtp.received.length;
    const results = await domainStorm(url, Array.from({ length: 4 }, () => ({ fn: "deliverOutbox", input: { smtpUrl: smtp.url } })), 4);
    const perWorker = results.map((r) => (r.ok ? (r.value as { delivered: number }).delivered : r));
    console.log("60 messages, 4 worker processes, delivered per worker:", perWorker);
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = smtp.received.slice(before).map((m) => m.outboxId);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    expect([...ids].sort((a, b) => a! - b!)).toEqual(rows.map((r) => r.id));
    expect(await db.outbox.count({ where: { id: { in: rows.map((r) => r.id) }, status: "delivered", attempts: 1 } })).toBe(60);
    expect(perWorker.reduce((a: number, b) => a + (b as number), 0)).toBe(60);
  });
});

describe("one-time secrets in the database", () => {
  it("a delivered or failed row cannot keep its secret, and a secret needs its place (CHECKs)", async () => {
    const [row] = await queue(1);
    for (const sql of [
      `UPDATE "Outbox" SET status = 'delivered', "deliveredAt" = now(), "deliveredVia" = 'smtp' WHERE id = $1`,
      `UPDATE "Outbox" SET status = 'failed' WHERE id = $1`,
      `UPDATE "Outbox" SET "secretAt" = NULL WHERE id = $1`,
      `UPDATE "Outbox" SET "secretAt" = char_length(text) + 1 WHERE id = $1`,
    ]) {
      await expect(withPg((c) => c.query(sql, [row.id]), pgUrl)).rejects.toThrow(/violates check constraint "Outbox_secret/);
    }
  });

  it("offsets count characters as PostgreSQL does (an emoji before the secret)", async () => {
    const tag = uniq("emoji");
    await inTransaction(db, (tx) =>
      enqueueEmail(tx, { kind: "test.message", to: `${tag}@example.com`, subject: tag, text: `😀 ${tag} token=${TOKEN}.`, secret: TOKEN }),
    );
    const [{ ok }] = (
      await withPg((c) => c.query(`SELECT substring(text FROM "secretAt" + 1 FOR 1) = '.' AS ok FROM "Outbox" WHERE subject = $1`, [tag]), pgUrl)
    ).rows;
    expect(ok).toBe(true);
    const staff = await makeStaff(db);
    const row = await db.outbox.findFirstOrThrow({ where: { subject: tag } });
    expect((await getOutboxMessage({ id: row.id }, testContext({ actor: staff, db: db }))).text).toBe(`😀 ${tag} token=[redacted].`);
  });

  it("a secret must occur exactly once in the text (a caller's mistake, caught before writing)", async () => {
    for (const text of ["no secret here", `${TOKEN} and ${TOKEN}`]) {
      await expect(
        inTransaction(db, (tx) => enqueueEmail(tx, { kind: "test.message", to: "x@example.com", subject: "s", text, secret: TOKEN })),
      ).rejects.toThrow("An email's secret must occur exactly once in its text.");
    }
  });
});

describe("the claim", () => {
  it("reserves claimed rows for the lease: a second pass during a slow send claims nothing", async () => {
    await makeDue();
    await deliverDueEmails(db, { transport: devMailboxTransport(pino({ level: "silent" })) });
    const [row] = await queue(1);
    let during: Awaited<ReturnType<typeof deliverDueEmails>> | undefined;
    let leaseSeconds = 0;
    const slow: MailTransport = {
      via: "smtp",
      async send() {
        during = await deliverDueEmails(db, { transport: devMailboxTransport(pino({ level: "silent" })) });
        const r = await withPg((c) => c.query(`SELECT extract(epoch FROM "nextAttemptAt" - now())::float AS s FROM "Outbox" WHERE id = $1`, [row.id]), pgUrl);
        leaseSeconds = r.rows[0].s;
      },
      close() {},
    };
    expect(await deliverDueEmails(db, { transport: slow, leaseSeconds: 120 })).toMatchObject({ claimed: 1, delivered: 1 });
    expect(during).toMatchObject({ claimed: 0 });
    expect(leaseSeconds).toBeGreaterThan(100);
  });

  it("marks a pass's sent emails delivered together, and a failed send between them costs no other its mark", async () => {
    await makeDue();
    await deliverDueEmails(db, { transport: devMailboxTransport(pino({ level: "silent" })) });
    const rows = await queue(5);
    const ids = rows.map((r) => r.id);
    const deliveredNow = async () =>
      (await withPg((c) => c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Outbox" WHERE id = ANY($1) AND status = 'delivered'`, [ids]), pgUrl)).rows[0].n;
    const seen: number[] = [];
    const recording = (fail?: number): MailTransport => ({
      via: "smtp",
      async send(m) {
        seen.push(await deliveredNow());
        if (m.id === fail) throw new Error("450 Mailbox busy");
      },
      close() {},
    });
    // Within the bound (a minute here, so that a busy machine cannot cross it): nothing is
    // marked while the pass sends; all at its end.
    expect(await deliverDueEmails(db, { transport: recording(ids[1]), markWithinMs: 60_000 })).toMatchObject({ claimed: 5, delivered: 4, retrying: 1 });
    expect(seen).toEqual([0, 0, 0, 0, 0]);
    const after = await db.outbox.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    expect(after.map((r) => [r.status, r.secret === null])).toEqual([
      ["delivered", true],
      ["pending", false],
      ["delivered", true],
      ["delivered", true],
      ["delivered", true],
    ]);

    // Past the bound (0 here) the sent ones are marked before the next send.
    const more = (await queue(3)).map((r) => r.id);
    ids.splice(0, ids.length, ...more);
    seen.length = 0;
    await deliverDueEmails(db, { transport: recording(), markWithinMs: 0 });
    expect(seen).toEqual([0, 1, 2]);
    expect(await deliveredNow()).toBe(3);
  });

  it("backoff grows from 30 s and is capped at an hour", () => {
    for (let i = 0; i < 50; i++) {
      expect(backoffSeconds(1)).toBeGreaterThanOrEqual(24);
      expect(backoffSeconds(1)).toBeLessThanOrEqual(36);
      expect(backoffSeconds(20)).toBeLessThanOrEqual(4320);
    }
    expect(backoffSeconds(4)).toBeGreaterThan(backoffSeconds(1));
  });
});

describe("startOutboxWorker / stopOutboxWorker", () => {
  it("delivers in the background, is idempotent, and stops cleanly", async () => {
    const [row] = await queue(1);
    const { log } = capture();
    startOutboxWorker({ db, transport: devMailboxTransport(log), intervalMs: 50, log });
    startOutboxWorker({ db, transport: devMailboxTransport(log), intervalMs: 50, log }); // no second loop
    try {
      await waitFor("the background loop to deliver the message", async () => (await db.outbox.findUniqueOrThrow({ where: { id: row.id } })).status === "delivered");
    } finally {
      await stopOutboxWorker();
    }
    expect(await db.outbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "delivered", attempts: 1 });
    await stopOutboxWorker(); // stopping twice is harmless
    const [later] = await queue(1);
    // A negative check: a stopped loop must not pick this up. 4 of its 50 ms intervals;
    // a loop still running would have claimed it (not a wait for a condition).
    await new Promise((r) => setTimeout(r, 200));
    expect((await db.outbox.findUniqueOrThrow({ where: { id: later.id } })).status).toBe("pending");
  });
});

describe("configuration and masking", () => {
  it("uses SMTP when SMTP_URL is set, the dev mailbox otherwise", () => {
    const log = pino({ level: "silent" });
    expect(transportFromEnv(log, {}).via).toBe("dev_mailbox");
    expect(transportFromEnv(log, { SMTP_URL: " " }).via).toBe("dev_mailbox");
    const smtp = transportFromEnv(log, { SMTP_URL: "smtp://user:pw@127.0.0.1:2525" });
    expect(smtp.via).toBe("smtp");
    smtp.close();
  });

  it("builds links from PUBLIC_BASE_URL only", () => {
    expect(publicBaseUrl({})).toBe("http://localhost:3000");
    expect(publicBaseUrl({ PORT: "8080" })).toBe("http://localhost:8080");
    expect(publicBaseUrl({ PUBLIC_BASE_URL: "https://academy.example.org/" })).toBe("https://academy.example.org");
    expect(publicBaseUrl({ PUBLIC_BASE_URL: "https://example.org/academy/" })).toBe("https://example.org/academy");
    expect(() => publicBaseUrl({ PUBLIC_BASE_URL: "not a url" })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => publicBaseUrl({ PUBLIC_BASE_URL: "javascript:alert(1)" })).toThrow(/http/);
  });

  it("masks tokens and addresses in text", () => {
    expect(maskSecrets("Go to https://x.org/accept-invitation?token=abc_DEF-123&x=1 or mail jane.doe@example.com")).toBe(
      "Go to https://x.org/accept-invitation?token=[redacted]&x=1 or mail j***@example.com",
    );
  });
});
