import { beforeAll, describe, expect, inject, it } from "vitest";
import { confirmEmailChange } from "../../lib/email-change/confirm";
import { requestEmailChange } from "../../lib/email-change/request";
import { undoEmailChange } from "../../lib/email-change/undo";
import type { DomainError } from "../../lib/errors";
import { registerUser } from "../../lib/users/register";
import { apiCall, apiLogin, sessionCookie } from "../support/auth";
import { testContext } from "../support/context";
import { domainStorm, tally } from "../support/domain-storm";
import { baseUrl, http, newUser, testDb, uniq, withPg } from "../support/helpers";
import { pageText } from "../support/invite";
import { emailCount, mailedLink } from "../support/links";

// The notice to the address a change took away carries a link that undoes it: the account
// goes back to that address and to nobody else (lib/email-change/undo.ts).

const db = () => testDb();
beforeAll(() => {
  process.env.DATABASE_URL = inject("databaseUrl");
});

const INVALID = "This link to undo an email change is invalid, has expired or was already used.";
const TAKEN = "That address now belongs to another account, so it cannot be given back to this one. Contact support.";
const fresh = () => `${uniq("moved")}@example.org`;
const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as DomainError);

async function member() {
  const input = newUser();
  const user = await registerUser(input, testContext());
  const ctx = { ...testContext({ actor: { id: user.id, isStaff: false } }), credential: null };
  return { ...input, id: user.id, ctx };
}

/** The member moves the account to `to` (ask, then the new address's link); returns the old address's undo link. */
async function move(m: Awaited<ReturnType<typeof member>>, from: string, to: string) {
  await requestEmailChange({ new_email: to, password: m.password }, m.ctx);
  await confirmEmailChange(await mailedLink(db(), to, "email_change.link"), testContext());
  return mailedLink(db(), from, "email.changed.notice");
}

describe("undoing an email change from the old address", () => {
  it("gives the address back and locks out whoever made the change: password, sessions, tokens, passkeys, Google links", async () => {
    const m = await member();
    const to = fresh();
    const undo = await move(m, m.email, to);
    // What a thief who changed the address would hold: a token, a browser session, a passkey, a Google link.
    const token = (await apiLogin({ username: m.username, password: m.password })).json!.token as string;
    const cookie = await sessionCookie(m.username, m.password);
    await db().passkey.create({ data: { userId: m.id, credentialId: uniq("cred"), publicKey: Buffer.from([1, 2, 3]), name: "Thief's key" } });
    await db().linkedIdentity.create({ data: { userId: m.id, provider: "google", subject: uniq("sub") } });
    expect(undo.path).toBe(`/change-email/undo/${undo.uid}/${undo.token}/`);
    // The secret is only in the email; the row keeps its hash.
    const row = await db().emailChange.findFirstOrThrow({ where: { userId: m.id } });
    expect(row.undoTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(undo.token);
    expect((await db().outbox.findFirstOrThrow({ where: { to: m.email, kind: "email.changed.notice" } })).text).not.toContain(undo.token);

    // The page says what will happen and spends nothing.
    const page = await fetch(`${baseUrl()}${undo.path}`);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    const text = pageText(await page.text());
    expect(text).toContain("Undo the change of email address");
    expect(text).toContain(m.email);
    expect(text).not.toContain(to); // the address it moved to is masked, as in the notice

    expect(await undoEmailChange({ uid: undo.uid, token: undo.token }, testContext())).toEqual({ userId: m.id, email: m.email });
    const after = await db().user.findUniqueOrThrow({ where: { id: m.id } });
    expect(after.email).toBe(m.email);
    expect(after.emailVerifiedAt).not.toBeNull();
    expect(after.passwordHash.startsWith("!")).toBe(true);
    expect((await apiLogin({ username: m.username, password: m.password })).status).toBe(400);
    expect((await apiCall("/api/users/profile/", { token })).status).toBe(401);
    expect((await apiCall("/api/users/profile/", { headers: { cookie } })).status).toBe(401);
    expect(await db().passkey.count({ where: { userId: m.id } })).toBe(0);
    expect(await db().linkedIdentity.count({ where: { userId: m.id } })).toBe(0);
    const ids = await db().signInIdentifier.findMany({ where: { userId: m.id }, select: { identifier: true } });
    expect(ids.map((i) => i.identifier).sort()).toEqual([m.username, m.email].sort());
    // A reset link to the restored address; the removed one is told; audited without addresses.
    const reset = await mailedLink(db(), m.email, "email_change.undone.reset_link");
    expect(reset.path).toMatch(/^\/reset-password-confirm\//);
    const resetMail = await db().outbox.findFirstOrThrow({ where: { to: m.email, kind: "email_change.undone.reset_link" } });
    expect(resetMail.subject).toBe("Your Zporta Academy email address is back: choose a new password");
    expect(resetMail.text).toContain("whoever changed it cannot sign in");
    expect(resetMail.text).not.toContain(reset.token);
    expect(await emailCount(db(), to, "email_change.undone.notice")).toBe(1);
    const audit = await db().auditLog.findFirstOrThrow({ where: { targetId: m.id, action: "email.change_undone" } });
    expect(audit.details).toMatchObject({ sessionsEnded: 2, passkeysRemoved: 1, identitiesRemoved: 1 });
    expect(JSON.stringify(audit)).not.toContain(m.email);
    expect(JSON.stringify(audit)).not.toContain(to);

    // Spent: a second press, and the page, say so.
    expect((await refusal(undoEmailChange(undo, testContext())))?.message).toBe(INVALID);
    expect(pageText(await (await fetch(`${baseUrl()}${undo.path}`)).text())).toContain(INVALID);
    // The reset link works: the owner is back in with a new password.
    expect((await http("/api/users/password-reset/confirm/", { body: { uid: reset.uid, token: reset.token, new_password: "Fresh-Garden-42" } })).status).toBe(200);
    expect((await apiLogin({ username: m.email, password: "Fresh-Garden-42" })).status).toBe(200);
  });

  it("a later change's undo link cannot take the account back from the first owner, whatever the order of presses", async () => {
    for (const order of ["first owner last", "first owner first"] as const) {
      const m = await member();
      const [b, c] = [fresh(), fresh()];
      const toA = await move(m, m.email, b); // held by the owner of the first address
      const toB = await move(m, b, c); // held by whoever controls b
      if (order === "first owner last") {
        await undoEmailChange(toB, testContext());
        expect((await db().user.findUniqueOrThrow({ where: { id: m.id } })).email).toBe(b);
        await undoEmailChange(toA, testContext());
      } else {
        await undoEmailChange(toA, testContext());
        expect((await refusal(undoEmailChange(toB, testContext())))?.message).toBe(INVALID);
      }
      expect((await db().user.findUniqueOrThrow({ where: { id: m.id } })).email, order).toBe(m.email);
    }
  });

  it("an address taken by another account since: 409, nothing changes, the link stays usable", async () => {
    const m = await member();
    const to = fresh();
    const undo = await move(m, m.email, to);
    await registerUser(newUser({ email: m.email.toUpperCase() }), testContext());
    const token = (await apiLogin({ username: m.username, password: m.password })).json!.token as string;
    const err = await refusal(undoEmailChange(undo, testContext()));
    expect([err?.status, err?.message]).toEqual([409, TAKEN]);
    const after = await db().user.findUniqueOrThrow({ where: { id: m.id } });
    expect(after.email).toBe(to);
    expect(after.passwordHash.startsWith("!")).toBe(false);
    expect((await apiCall("/api/users/profile/", { token })).status).toBe(200);
    expect((await db().emailChange.findFirstOrThrow({ where: { userId: m.id } })).undoneAt).toBeNull();
    expect(await emailCount(db(), m.email, "email_change.undone.reset_link")).toBe(0);
  });

  it("refuses an expired link, a staff-deactivated account, a malformed or unknown link", async () => {
    const m = await member();
    const undo = await move(m, m.email, fresh());
    await withPg((c) => c.query(`UPDATE "EmailChange" SET "undoExpiresAt" = "usedAt" + interval '1 microsecond' WHERE "userId" = $1`, [m.id]));
    expect((await refusal(undoEmailChange(undo, testContext())))?.message).toBe(INVALID);

    const n = await member();
    const closed = await move(n, n.email, fresh());
    await withPg((c) => c.query(`UPDATE "User" SET "isActive" = false WHERE "id" = $1`, [n.id]));
    expect((await refusal(undoEmailChange(closed, testContext())))?.message).toBe(INVALID);

    for (const input of [{}, [], { uid: closed.uid, token: "x" }, { uid: "!!", token: closed.token }, { uid: closed.uid, token: "B".repeat(43) }]) {
      const e = await refusal(undoEmailChange(input, testContext()));
      expect(e?.status, JSON.stringify(input)).toBe(400);
    }
  });

  it("the database refuses an undo link on a change that was never made", async () => {
    const m = await member();
    await requestEmailChange({ new_email: fresh(), password: m.password }, m.ctx);
    const err = await withPg((c) =>
      c.query(`UPDATE "EmailChange" SET "undoTokenHash" = repeat('a', 64), "undoExpiresAt" = now() + interval '7 days' WHERE "userId" = $1`, [m.id]).then(
        () => null,
        (e: { constraint?: string }) => e.constraint,
      ),
    );
    expect(err).toBe("EmailChange_undo_shape");
  });

  it("race: one undo link pressed 10 times at once from 5 processes undoes the change exactly once", async () => {
    const m = await member();
    const to = fresh();
    const undo = await move(m, m.email, to);
    const results = await domainStorm(
      inject("databaseUrl"),
      Array.from({ length: 10 }, () => ({ fn: "undoEmailChange", input: { uid: undo.uid, token: undo.token } })),
      5,
    );
    expect(tally(results)).toEqual({ ok: 1, [`400 ${INVALID}`]: 9 });
    expect((await db().user.findUniqueOrThrow({ where: { id: m.id } })).email).toBe(m.email);
    expect(await emailCount(db(), m.email, "email_change.undone.reset_link")).toBe(1);
    expect(await emailCount(db(), to, "email_change.undone.notice")).toBe(1);
    console.log(`[race] email change undo link pressed 10 times (5 processes): ${JSON.stringify(tally(results))}`);
  });
});
