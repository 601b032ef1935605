import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { makeStaff, registeredUser, sessionCookie } from "../support/auth";
import { http, testDb, uniq, withPg } from "../support/helpers";
import { apiInviter, freshEmail, pageText } from "../support/invite";
import { tokenFromMailbox } from "../support/teach";
import { waitFor } from "../support/wait";

// An invitation's token exists in clear only in the email: not in any table once the
// email is delivered, not on staff pages, not in a log line.

/** Tables (of the test database's schema) with a row whose text form contains `needle`. */
async function tablesContaining(needle: string): Promise<string[]> {
  return withPg(async (c) => {
    const { rows: tables } = await c.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    const hits: string[] = [];
    for (const { name } of tables) {
      // The whole row as text: every column, whatever its type.
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM "${name}" t WHERE strpos(t::text, $1) > 0`, [needle]);
      if (rows[0].n > 0) hits.push(name);
    }
    return hits;
  });
}

async function staffCookie(): Promise<string> {
  const staff = await registeredUser();
  await makeStaff(staff.username);
  return sessionCookie(staff.username, staff.password);
}

async function delivered(email: string) {
  return waitFor(
    `the invitation email to ${email} to be delivered`,
    async () => {
      const row = await testDb().outbox.findFirst({ where: { to: email, kind: "invitation.sent" } });
      return row?.status === "delivered" && row;
    },
    60_000,
  );
}

describe("an invitation token at rest", () => {
  it("after delivery, no row of any table contains it, no log line has it, and the emailed link still works", async () => {
    const inviter = await apiInviter(testDb());
    const email = freshEmail("at-rest");
    const sent = await http("/api/users/invitations/send/", { key: inviter.key, body: { invitee_email: email } });
    expect(sent.status).toBe(201);
    const token = await tokenFromMailbox(testDb(), email); // as the invitee reads it
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The server's own outbox loop delivers it (to the dev mailbox here).
    const row = await delivered(email);
    expect(row.secret).toBeNull();
    expect(row.text).toContain("/accept-invitation?token=");
    expect(await tablesContaining(row.text.slice(0, 40))).toContain("Outbox"); // the scan finds what is there
    expect(await tablesContaining(token)).toEqual([]);

    // The link works (page and API), and neither the sending nor the visits left it in a log line.
    const page = await http(`/accept-invitation?token=${token}`);
    expect(page.status).toBe(200);
    expect(pageText(page.text)).toContain("invited you to teach");
    expect((await http(`/api/users/invitations/accept/?token=${token}`)).status).toBe(200);
    expect(readFileSync(inject("serverLog"), "utf8")).not.toContain(token);
  });

  it("staff pages show the link redacted, before delivery and after", async () => {
    const cookie = await staffCookie();
    const inviter = await apiInviter(testDb());
    const email = freshEmail("staff-view");
    expect((await http("/api/users/invitations/send/", { key: inviter.key, body: { invitee_email: email } })).status).toBe(201);
    const token = await tokenFromMailbox(testDb(), email);
    const row = await delivered(email);

    // A message still waiting (due in an hour, so no server delivers it during the test).
    const tag = uniq("pending");
    const secret = `${tag}-Secret-Part-0123456789`;
    const text = `Sign in: http://example.org/magic?token=${secret}&next=/account\n`;
    const {
      rows: [pending],
    } = await withPg((c) =>
      c.query(
        `INSERT INTO "Outbox" (kind, "to", subject, text, secret, "secretAt", "nextAttemptAt")
         VALUES ('test.magic', $1, $2, $3, $4, $5, now() + interval '1 hour') RETURNING id`,
        [`${tag}@example.com`, tag, text.replace(secret, ""), secret, text.indexOf(secret)],
      ),
    );
    try {
      for (const [id, hidden] of [
        [row.id, token],
        [pending.id, secret],
      ] as const) {
        const detail = await http(`/admin/outbox/${id}`, { cookie });
        expect(detail.status).toBe(200);
        expect(detail.text).not.toContain(hidden);
        expect(pageText(detail.text)).toMatch(/\?token=\[redacted\]/);
      }
      const list = await http("/admin/outbox", { cookie });
      expect(list.status).toBe(200);
      expect(list.text).not.toContain(token);
      expect(list.text).not.toContain(secret);
    } finally {
      await withPg((c) => c.query(`DELETE FROM "Outbox" WHERE id = $1`, [pending.id]));
    }
  });
});
