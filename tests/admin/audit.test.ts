import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { listAuditLog } from "../../lib/audit/list";
import { acceptInvitation } from "../../lib/invitations/accept";
import { getInvitationByToken } from "../../lib/invitations/by-token";
import { sendInvitation } from "../../lib/invitations/send";
import { devMailboxTransport } from "../../lib/outbox/transport";
import { testDb, uniq, withPg } from "../support/helpers";
import { makeInviter, makeStaff, makeUser, tokenFromMailbox } from "../support/teach";
import { testContext } from "../support/context";

describe("the audit log", () => {
  it("is append-only: the database refuses edits and deletions", async () => {
    const db = testDb();
    const staff = await makeStaff(db);
    const entry = await db.auditLog.create({ data: { actorId: staff.id, action: "test.entry", targetType: "User", targetId: staff.id, notes: "n" } });
    await withPg(async (c) => {
      await expect(c.query(`UPDATE "AuditLog" SET notes = 'changed' WHERE id = $1`, [entry.id])).rejects.toThrow(/append-only/);
      await expect(c.query(`DELETE FROM "AuditLog" WHERE id = $1`, [entry.id])).rejects.toThrow(/append-only/);
      await expect(c.query(`INSERT INTO "AuditLog" (action, "targetType") VALUES ('Not An Action', 'User')`)).rejects.toThrow(/AuditLog_action_format/);
    });
  });

  it("keeps the entries of a deleted user, with the actor set to NULL", async () => {
    const db = testDb();
    const user = await makeUser(db);
    const entry = await db.auditLog.create({ data: { actorId: user.id, action: "test.entry", targetType: "User", targetId: user.id } });
    await db.user.delete({ where: { id: user.id } });
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({ actorId: null, action: "test.entry" });
  });

  it("listAuditLog: staff only, newest first, filterable, with the actor's username", async () => {
    const db = testDb();
    const [staff, user] = [await makeStaff(db), await makeUser(db)];
    const action = `test.${uniq("a").replace(/[^a-z_]/g, "_")}`;
    for (let i = 0; i < 3; i++) await db.auditLog.create({ data: { actorId: staff.id, action, targetType: "User", targetId: user.id, notes: `n${i}` } });
    const page = await listAuditLog({ action, pageSize: 2 }, testContext({ actor: staff, db }));
    expect(page.total).toBe(3);
    expect(page.items.map((e) => e.notes)).toEqual(["n2", "n1"]);
    expect(page.items[0].actor).toEqual({ id: staff.id, username: staff.username });
    expect((await listAuditLog({ targetType: "User", targetId: String(user.id) }, testContext({ actor: staff, db }))).total).toBe(3);
    expect((await listAuditLog({ actorId: staff.id, action }, testContext({ actor: staff, db }))).total).toBe(3);
    await expect(listAuditLog({}, testContext({ actor: user, db }))).rejects.toMatchObject({ status: 403 });
    await expect(listAuditLog({ targetId: "x" }, testContext({ actor: staff, db }))).rejects.toMatchObject({ status: 400 });
  });
});

describe("secrets stay out of logs", () => {
  it("no token or full email in the log lines of send, view, accept and dev-mailbox delivery", async () => {
    const db = testDb();
    const lines: string[] = [];
    const log = pino({ level: "debug" }, new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }));
    const inviter = await makeInviter(db);
    const email = `${uniq("secret")}@example.com`;
    await sendInvitation({ inviteeEmail: email }, testContext({ actor: inviter, db, log }));
    const token = await tokenFromMailbox(db, email);
    await getInvitationByToken({ token }, testContext({ db, log }));
    const invitee = await makeUser(db);
    await db.user.update({ where: { id: invitee.id }, data: { email } });
    await acceptInvitation({ token }, testContext({ actor: invitee, db, log }));
    await acceptInvitation({ token }, testContext({ actor: invitee, db, log })).catch(() => {});
    const mail = await db.outbox.findFirstOrThrow({ where: { to: email } });
    await devMailboxTransport(log).send(mail);
    const all = lines.join("");
    expect(all).toContain("invitation.sent");
    expect(all).toContain("invitation.accepted");
    expect(all).toContain("outbox.dev_mailbox");
    expect(all).not.toContain(token);
    expect(all).not.toContain(email);
  });
});
