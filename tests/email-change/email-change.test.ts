import { beforeAll, describe, expect, inject, it } from "vitest";
import { confirmEmailChange } from "../../lib/email-change/confirm";
import { requestEmailChange } from "../../lib/email-change/request";
import { DomainError } from "../../lib/errors";
import { changePassword } from "../../lib/users/change-password";
import { registerUser } from "../../lib/users/register";
import { testContext } from "../support/context";
import { domainStorm, tally } from "../support/domain-storm";
import { newUser, testDb, uniq } from "../support/helpers";
import { emailCount, mailedLink } from "../support/links";
import { emailText } from "../support/mailbox";

// Issue 21: a member moves their account to another address. The link goes to the new
// address; pressing it is the change, once, in one transaction; both addresses are told.

const db = () => testDb();
// changePassword's sign-in budgets live in the app's own database client.
beforeAll(() => {
  process.env.DATABASE_URL = inject("databaseUrl");
});

async function member() {
  const input = newUser();
  const user = await registerUser(input, testContext());
  const ctx = { ...testContext({ actor: { id: user.id, isStaff: false } }), credential: null };
  return { ...input, id: user.id, ctx };
}

const fresh = () => `${uniq("moved")}@example.org`;
const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as DomainError);

describe("changing the email address", () => {
  it("sends a link to the new address and a notice to the old; only the link changes the account", async () => {
    const m = await member();
    const to = fresh();
    expect(await requestEmailChange({ new_email: to, password: m.password }, m.ctx)).toEqual({ sentTo: to });
    // Nothing changed yet.
    expect((await db().user.findUniqueOrThrow({ where: { id: m.id } })).email).toBe(m.email);
    expect(await emailCount(db(), m.email, "email_change.requested.notice")).toBe(1);
    const notice = await db().outbox.findFirstOrThrow({ where: { to: m.email, kind: "email_change.requested.notice" } });
    expect(notice.text).not.toContain(to); // the new address is masked for the old mailbox
    const link = await mailedLink(db(), to, "email_change.link");
    expect(link.path).toMatch(/^\/change-email\//);

    const done = await confirmEmailChange({ uid: link.uid, token: link.token }, testContext());
    expect(done).toEqual({ userId: m.id, email: to });
    const after = await db().user.findUniqueOrThrow({ where: { id: m.id } });
    expect(after.email).toBe(to);
    expect(after.emailVerifiedAt).not.toBeNull();
    expect(await emailCount(db(), m.email, "email.changed.notice")).toBe(1);
    expect(await emailCount(db(), to, "email.changed.confirmation")).toBe(1);
    // The old address no longer signs in; the new one does (the identifier index follows).
    const ids = await db().signInIdentifier.findMany({ where: { userId: m.id }, select: { identifier: true } });
    expect(ids.map((i) => i.identifier).sort()).toEqual([m.username, to].sort());
    // Spent: a second press is the invalid-link answer.
    const again = await refusal(confirmEmailChange({ uid: link.uid, token: link.token }, testContext()));
    expect(again?.message).toBe("This email change link is invalid or has expired.");
    const audit = await db().auditLog.findMany({ where: { targetId: m.id, action: { in: ["email.change_requested", "email.changed"] } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["email.change_requested", "email.changed"]);
    expect(JSON.stringify(audit)).not.toContain(to);
  });

  it("refuses a wrong password, the same address, a taken address and an unsigned caller, storing nothing", async () => {
    const m = await member();
    const other = await member();
    expect((await refusal(requestEmailChange({ new_email: fresh(), password: "wrong-Password-9" }, m.ctx)))?.fields).toEqual({ password: "Password is incorrect." });
    expect((await refusal(requestEmailChange({ new_email: m.email.toUpperCase(), password: m.password }, m.ctx)))?.fields).toEqual({
      new_email: "That is already your email address.",
    });
    expect((await refusal(requestEmailChange({ new_email: other.email, password: m.password }, m.ctx)))?.fields).toEqual({
      new_email: "Email already registered.",
    });
    expect((await refusal(requestEmailChange({ new_email: "not an address", password: m.password }, m.ctx)))?.fields).toEqual({
      new_email: "Enter a valid email address.",
    });
    expect((await refusal(requestEmailChange([], m.ctx)))?.status).toBe(400);
    expect((await refusal(requestEmailChange({ new_email: fresh(), password: m.password }, { ...testContext(), credential: null })))?.status).toBe(401);
    expect(await db().emailChange.count({ where: { userId: m.id } })).toBe(0);
  });

  it("a newer request replaces the older; a password change kills a pending one", async () => {
    const m = await member();
    const first = fresh();
    await requestEmailChange({ new_email: first, password: m.password }, m.ctx);
    const firstLink = await mailedLink(db(), first, "email_change.link");
    const second = fresh();
    await requestEmailChange({ new_email: second, password: m.password }, m.ctx);
    expect((await refusal(confirmEmailChange(firstLink, testContext())))?.code).toBe("invalid_link");
    const secondLink = await mailedLink(db(), second, "email_change.link");
    await changePassword({ current_password: m.password, new_password: "Another-Garden-77", confirm_new_password: "Another-Garden-77" }, m.ctx);
    expect((await refusal(confirmEmailChange(secondLink, testContext())))?.code).toBe("invalid_link");
    expect((await db().user.findUniqueOrThrow({ where: { id: m.id } })).email).toBe(m.email);
  });

  it("an address taken between the request and the press: refused, nothing changes, the link stays unspent", async () => {
    const m = await member();
    const to = fresh();
    await requestEmailChange({ new_email: to, password: m.password }, m.ctx);
    const link = await mailedLink(db(), to, "email_change.link");
    await registerUser(newUser({ email: to.toUpperCase() }), testContext());
    const err = await refusal(confirmEmailChange(link, testContext()));
    expect([err?.status, err?.message]).toEqual([409, "Email already registered."]);
    expect((await db().user.findUniqueOrThrow({ where: { id: m.id } })).email).toBe(m.email);
    expect(await db().emailChange.count({ where: { userId: m.id, usedAt: null } })).toBe(1);
    expect(await emailCount(db(), m.email, "email.changed.notice")).toBe(0);
  });

  it("the link's secret is kept out of the stored email once sent, and never in a log-shaped place", async () => {
    const m = await member();
    const to = fresh();
    await requestEmailChange({ new_email: to, password: m.password }, m.ctx);
    const row = await db().outbox.findFirstOrThrow({ where: { to, kind: "email_change.link" } });
    const link = await mailedLink(db(), to, "email_change.link");
    expect(row.text).not.toContain(link.token);
    expect(emailText(row, inject("databaseUrl"))).toContain(link.token);
    const stored = await db().emailChange.findFirstOrThrow({ where: { userId: m.id } });
    expect(JSON.stringify(stored)).not.toContain(link.token);
  });

  it("race: one link pressed 10 times at once from 5 processes changes the address exactly once", async () => {
    const m = await member();
    const to = fresh();
    await requestEmailChange({ new_email: to, password: m.password }, m.ctx);
    const link = await mailedLink(db(), to, "email_change.link");
    const results = await domainStorm(
      inject("databaseUrl"),
      Array.from({ length: 10 }, () => ({ fn: "confirmEmailChange", input: { uid: link.uid, token: link.token } })),
      5,
    );
    expect(tally(results)).toEqual({ ok: 1, "400 This email change link is invalid or has expired.": 9 });
    expect(await emailCount(db(), m.email, "email.changed.notice")).toBe(1);
    console.log(`[race] email change link pressed 10 times (5 processes): ${JSON.stringify(tally(results))}`);
  });
});
