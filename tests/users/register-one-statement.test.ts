import { createHash } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { createDb } from "../../lib/db/client";
import { decodeUid } from "../../lib/one-time-links/token";
import { createLimiters } from "../../lib/security/rate-limits";
import { registerUser } from "../../lib/users/register";
import { limitRegistrationAttempt } from "../../lib/users/registration-limit";
import { testContext } from "../support/context";
import { newUser, refusal, testDb, uniq, withPg } from "../support/helpers";
import { mailedLink } from "../support/links";

// Issue 24: a sign-up writes the user, its profile, the verification link and its email in
// ONE statement, with the id the duplicate pre-check reserved from the table's sequence.
// Everything or nothing, and the link in the email is the one stored.

const KIND = "email.verification";

describe("a sign-up's write in one statement", () => {
  it("stores the user, the profile, one verification link and its email, the link naming the new id", async () => {
    const input = newUser();
    const user = await registerUser(input, testContext());
    const db = testDb();
    expect(await db.profile.count({ where: { userId: user.id } })).toBe(1);
    const links = await db.oneTimeLink.findMany({ where: { userId: user.id } });
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ purpose: "verify_email", email: input.email, usedAt: null });
    const mailed = await mailedLink(db, input.email, KIND);
    expect(decodeUid(mailed.uid)).toBe(user.id);
    expect(createHash("sha256").update(mailed.token).digest("hex")).toBe(links[0].tokenHash);
    const rows = await db.outbox.findMany({ where: { to: input.email, kind: KIND } });
    expect(rows).toHaveLength(1);
    expect(rows[0].subject).toBe("Confirm your email address for Zporta Academy");
    expect(rows[0].text).not.toContain(mailed.token);
  });

  it("leaves nothing behind when the email's insert fails", async () => {
    const input = newUser();
    await withPg(async (c) => {
      await c.query(`CREATE OR REPLACE FUNCTION test_fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW."to" = '${input.email}' THEN RAISE EXCEPTION 'outbox insert sabotaged'; END IF;
          RETURN NEW;
        END $$`);
      await c.query(`CREATE TRIGGER test_fail_outbox BEFORE INSERT ON "Outbox" FOR EACH ROW EXECUTE FUNCTION test_fail_outbox()`);
    });
    try {
      await expect(registerUser(input, testContext())).rejects.toThrow();
      const db = testDb();
      expect(await db.user.count({ where: { username: input.username } })).toBe(0);
      expect(await db.oneTimeLink.count({ where: { email: input.email } })).toBe(0);
      const identifiers = await withPg((c) => c.query(`SELECT 1 FROM "SignInIdentifier" WHERE lower("identifier") = lower($1)`, [input.email]));
      expect(identifiers.rowCount).toBe(0);
    } finally {
      await withPg(async (c) => {
        await c.query(`DROP TRIGGER test_fail_outbox ON "Outbox"`);
        await c.query(`DROP FUNCTION test_fail_outbox()`);
      });
    }
    // The same person can sign up once the fault is gone (nothing half-made holds the names).
    await expect(registerUser(input, testContext())).resolves.toMatchObject({ username: input.username });
  });
});

describe("the attempt's count rides in the pre-check's statement", () => {
  it("counts valid, invalid and duplicate attempts on the one counter the other sign-up paths use", async () => {
    // The library's own count (refused input, the invitation path) uses the app's client (getDb).
    process.env.DATABASE_URL = inject("databaseUrl");
    const limiters = createLimiters({ prefix: uniq("rlreg"), registerPerIp: { points: 3, durationSeconds: 600 } });
    const ctx = () => testContext({ limiters, ip: "198.51.100.23" });
    const first = newUser();
    await registerUser(first, ctx()); // 1: counted with the pre-check
    expect((await refusal(registerUser({ username: "" }, ctx()))).status).toBe(400); // 2: refused input, counted alone
    await limitRegistrationAttempt(ctx()); // 3: another path (the invitation's), same counter
    // 4: over the limit. A duplicate is refused with the 429, not its 400; nothing was written.
    const over = await refusal(registerUser(first, ctx()));
    expect(over.status).toBe(429);
    expect(over.message).toMatch(/^Too many attempts\. Try again in \d+ seconds?\.$/);
    const fresh = newUser();
    expect((await refusal(registerUser(fresh, ctx()))).status).toBe(429);
    expect((await refusal(registerUser({ username: "" }, ctx()))).status).toBe(429);
    expect(await testDb().user.count({ where: { username: fresh.username } })).toBe(0);
    // Another address has its own budget.
    await expect(registerUser(newUser(), testContext({ limiters, ip: "198.51.100.24" }))).resolves.toBeTruthy();
  });
});

describe("the count's commit without waiting for the log", () => {
  it("is local to the pre-check's own transaction: the connection's next statement commits synchronously", async () => {
    process.env.DATABASE_URL = inject("databaseUrl");
    const previous = process.env.DB_POOL_SIZE;
    process.env.DB_POOL_SIZE = "1"; // one connection: the next statement runs where the pre-check ran
    const db = createDb(inject("databaseUrl"));
    process.env.DB_POOL_SIZE = previous;
    try {
      const limiters = createLimiters({ prefix: uniq("rlsync"), registerPerIp: { points: 100, durationSeconds: 600 } });
      const taken = newUser();
      await registerUser(taken, testContext({ db, limiters }));
      // A refused duplicate: only the pre-check ran.
      expect((await refusal(registerUser(taken, testContext({ db, limiters })))).status).toBe(400);
      const rows = await db.$queryRaw<{ synchronous_commit: string }[]>`SHOW synchronous_commit`;
      expect(rows[0].synchronous_commit).toBe("on");
    } finally {
      await db.$disconnect();
    }
  });
});
