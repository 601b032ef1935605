import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { userForSession } from "../../lib/auth/credentials/session-rows";
import { confirmEmail } from "../../lib/email-verification/confirm";
import { acceptInvitation } from "../../lib/invitations/accept";
import { signInWithMagicLink } from "../../lib/magic-link/sign-in";
import { apiCall, apiLogin, registeredUser, sessionCookie } from "../support/auth";
import { domainStorm } from "../support/domain-storm";
import { baseUrl, http, testDb, uniq, withPg } from "../support/helpers";
import { pageText, pendingInvitation } from "../support/invite";
import { mailedLink, type MailedLink } from "../support/links";
import { storm } from "../support/storm";
import { testContext } from "../support/context";

// Issue 18 point 1, review N-H1 (and old M4): one owner per address. Whoever proves the
// mailbox of an account whose address was never proven becomes its only owner; what was
// set before the proof (password, sessions, tokens) is removed in the same transaction.

const db = () => testDb();
const CLIENT = { ip: "198.51.100.20", userAgent: "address-owner test" };

async function squatter() {
  const user = await registeredUser();
  const login = await apiLogin({ username: user.username, password: user.password });
  expect(login.status).toBe(200);
  return { ...user, id: login.json!.id as number, token: login.json!.token as string };
}

async function magicLink(email: string): Promise<MailedLink> {
  expect((await http("/api/users/magic-link-request/", { body: { email } })).status).toBe(200);
  return mailedLink(db(), email, "magic_link.requested");
}

const profileStatus = async (token: string) => (await apiCall("/api/users/profile/", { token })).status;
const passwordStatus = async (u: { username: string; password: string }) => (await apiLogin({ username: u.username, password: u.password })).status;

async function expectEvicted(sq: Awaited<ReturnType<typeof squatter>>, via: string) {
  expect(await profileStatus(sq.token)).toBe(401);
  expect(await passwordStatus(sq)).toBe(400);
  const user = await db().user.findUniqueOrThrow({ where: { id: sq.id }, select: { emailVerifiedAt: true, passwordHash: true } });
  expect(user.emailVerifiedAt).not.toBeNull();
  expect(user.passwordHash.startsWith("!")).toBe(true);
  const audit = await db().auditLog.findFirstOrThrow({ where: { action: "account.claimed_by_mailbox", targetId: sq.id }, select: { details: true } });
  expect(audit.details).toMatchObject({ via, passwordRemoved: true, tokensEnded: 1 });
  // The owner is told what happened, with a link to choose a password.
  const told = await mailedLink(db(), sq.email, "account.claimed_by_mailbox");
  expect(told.path).toMatch(/^\/reset-password-confirm\//);
}

describe("a magic link into an account whose address was never proven", () => {
  it("the page says when the account was made and that signing in signs everyone else out", async () => {
    const sq = await squatter();
    const link = await magicLink(sq.email);
    const text = pageText(await (await fetch(`${baseUrl()}${link.path}`)).text());
    expect(text).toContain(`Sign in as ${sq.username}`);
    expect(text).toMatch(/This account was created on \d{1,2} \w{3} \d{4}\s?\./);
    expect(text).toContain("signing in will sign out anyone else using it (every device and app) and remove its password");
  });

  it("the squatter's token gives 401 and their password 400; the owner is signed in and the address proven", async () => {
    const sq = await squatter();
    const link = await magicLink(sq.email);
    const { user, secret } = await signInWithMagicLink(link, testContext({ ...CLIENT, db: db() }));
    expect(user.id).toBe(sq.id);
    await expectEvicted(sq, "magic_link");
    expect((await userForSession(db(), secret))?.user.id).toBe(sq.id);
  });

  it("an honest member who registered and never verified still gets in, keeping the profile and the guide application", async () => {
    const member = await squatter();
    expect((await http("/api/users/profile/", { method: "PATCH", key: member.token, body: { bio: "Teaches maths" } })).status).toBe(200);
    const applied = await http("/api/users/guide-application/", { key: member.token, body: { motivation: "I like teaching", subjects_to_teach: "maths" } });
    expect(applied.status).toBe(201);
    const link = await magicLink(member.email);
    const { secret } = await signInWithMagicLink(link, testContext({ ...CLIENT, db: db() }));
    expect((await userForSession(db(), secret))?.user.id).toBe(member.id);
    const profile = await db().profile.findUniqueOrThrow({ where: { userId: member.id }, select: { bio: true } });
    expect(profile.bio).toBe("Teaches maths");
    expect(await db().guideApplication.count({ where: { userId: member.id, status: "pending" } })).toBe(1);
    // The emailed link sets a password again.
    const reset = await mailedLink(db(), member.email, "account.claimed_by_mailbox");
    const NEW = "Another-Garden-73";
    expect((await http("/api/users/password-reset/confirm/", { body: { uid: reset.uid, token: reset.token, new_password: NEW } })).status).toBe(200);
    expect(await passwordStatus({ username: member.username, password: NEW })).toBe(200);
  });

  it("from a browser already signed in to that account: only proves the address (nothing is ended)", async () => {
    const member = await squatter();
    const link = await magicLink(member.email);
    await signInWithMagicLink(link, testContext({ ...CLIENT, db: db(), actor: { id: member.id, isStaff: false } }));
    expect(await profileStatus(member.token)).toBe(200);
    expect(await passwordStatus(member)).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { id: member.id } })).emailVerifiedAt).not.toBeNull();
  });

  it("a proven account keeps everything (the rule is about addresses never proven)", async () => {
    const member = await squatter();
    await withPg((c) => c.query(`UPDATE "User" SET "emailVerifiedAt" = now() WHERE id = $1`, [member.id]));
    await signInWithMagicLink(await magicLink(member.email), testContext({ ...CLIENT, db: db() }));
    expect(await profileStatus(member.token)).toBe(200);
    expect(await passwordStatus(member)).toBe(200);
  });

  it("an unproven staff account is claimed the same way (the mailbox could already reset it); the staff flag stays", async () => {
    const staff = await squatter();
    await withPg((c) => c.query(`UPDATE "User" SET "isStaff" = true WHERE id = $1`, [staff.id]));
    await signInWithMagicLink(await magicLink(staff.email), testContext({ ...CLIENT, db: db() }));
    await expectEvicted(staff, "magic_link");
    expect((await db().user.findUniqueOrThrow({ where: { id: staff.id } })).isStaff).toBe(true);
  });

  it("race: the owner's link against 8 sign-ins with the squatter's password from other processes: no token of theirs survives", async () => {
    const sq = await squatter();
    const link = await magicLink(sq.email);
    const url = inject("databaseUrl");
    const [domain, http8] = await Promise.all([
      domainStorm(url, [{ fn: "signInWithMagicLink", input: { uid: link.uid, token: link.token } }], 1),
      // storm() starts 1.5 s after it is called, domainStorm 2.5 s: both at about the same instant.
      new Promise((r) => setTimeout(r, 1000)).then(() =>
        storm(baseUrl(), Array.from({ length: 8 }, () => ({ path: "/api/users/login/", body: { username: sq.username, password: sq.password } })), 4),
      ),
    ]);
    expect(domain[0]).toMatchObject({ ok: true });
    const tokens = http8.results.filter((r) => r.status === 200).map((r) => JSON.parse(r.body).token as string);
    for (const token of [sq.token, ...tokens]) expect(await profileStatus(token)).toBe(401);
    expect(await db().apiToken.count({ where: { userId: sq.id } })).toBe(0);
    console.log(`[race] magic-link claim vs 8 squatter sign-ins (5 processes): ${tokens.length} sign-ins won before the claim, all ended; 0 tokens alive`);
  });
});

describe("the verification link", () => {
  it("the page warns a browser not signed in to the account", async () => {
    const sq = await squatter();
    const link = await mailedLink(db(), sq.email, "email.verification");
    const text = pageText(await (await fetch(`${baseUrl()}${link.path}`)).text());
    expect(text).toMatch(new RegExp(`the account ${sq.username}, created on \\d{1,2} \\w{3} \\d{4}`));
    expect(text).toContain("Confirming here makes the account yours alone: it signs out anyone else using it");
  });

  it("the page does not warn a browser signed in to that account", async () => {
    const member = await squatter();
    const link = await mailedLink(db(), member.email, "email.verification");
    const cookie = await sessionCookie(member.username, member.password);
    const text = pageText(await (await fetch(`${baseUrl()}${link.path}`, { headers: { cookie } })).text());
    expect(text).toContain(`the account ${member.username}`);
    expect(text).not.toContain("Confirming here makes the account yours alone");
  });

  it("pressed without being signed in: the squatter's token gives 401 and their password 400", async () => {
    const sq = await squatter();
    const link = await mailedLink(db(), sq.email, "email.verification");
    expect(await confirmEmail(link, testContext({ db: db() }))).toMatchObject({ userId: sq.id, evicted: true });
    await expectEvicted(sq, "verification_link");
  });

  it("pressed in a browser signed in to that account: only the address is proven", async () => {
    const member = await squatter();
    const link = await mailedLink(db(), member.email, "email.verification");
    expect(await confirmEmail(link, testContext({ db: db(), actor: { id: member.id, isStaff: false } }))).toMatchObject({ evicted: false });
    expect(await profileStatus(member.token)).toBe(200);
    expect(await passwordStatus(member)).toBe(200);
  });

  it("signed in to ANOTHER account does not count as the owner", async () => {
    const sq = await squatter();
    const other = await squatter();
    const link = await mailedLink(db(), sq.email, "email.verification");
    expect(await confirmEmail(link, testContext({ db: db(), actor: { id: other.id, isStaff: false } }))).toMatchObject({ evicted: true });
    expect(await profileStatus(sq.token)).toBe(401);
    expect(await profileStatus(other.token)).toBe(200);
  });
});

describe("a squatter and a teacher invitation (the review's N-H1 end to end)", () => {
  it("the owner signs in by magic link and accepts: the squatter's token is dead, never an active guide", async () => {
    const email = `${uniq("teacher")}@school.example`;
    const invitation = await pendingInvitation(db(), { email });
    const sq = await registeredUser({ email });
    const sqToken = (await apiLogin({ username: sq.username, password: sq.password })).json!.token as string;
    const link = await magicLink(email);
    const { user } = await signInWithMagicLink(link, testContext({ ...CLIENT, db: db() }));
    await acceptInvitation({ token: invitation.token }, testContext({ actor: { id: user.id, isStaff: false }, db: db() }));
    expect((await db().profile.findUniqueOrThrow({ where: { userId: user.id } })).activeGuide).toBe(true);
    const profile = await apiCall("/api/users/profile/", { token: sqToken });
    expect(profile.status).toBe(401);
    expect(await passwordStatus(sq)).toBe(400);
  });
});

describe("migration 20261206000100: sessions a magic link opened on unproven accounts before the rule", () => {
  it("are ended; password sessions and sessions of proven accounts are kept", async () => {
    const sql = readFileSync("prisma/migrations/20261206000100_linked_identities/migration.sql", "utf8");
    const cleanup = sql.slice(sql.indexOf('DELETE FROM "Session"'));
    const unproven = await squatter();
    const proven = await squatter();
    await withPg((c) => c.query(`UPDATE "User" SET "emailVerifiedAt" = now() WHERE id = $1`, [proven.id]));
    // As the old magic-link button did: the link spent and the session made in one transaction.
    const oldMagicSession = async (userId: number, email: string) =>
      withPg(async (c) => {
        await c.query("BEGIN");
        await c.query(`INSERT INTO "OneTimeLink" ("userId", purpose, email, "tokenHash", "expiresAt", "usedAt") VALUES ($1, 'magic_login', $2, md5(random()::text) || md5(random()::text), now() + interval '15 minutes', now())`, [userId, email]);
        const s = await c.query(`INSERT INTO "Session" ("userId", "tokenHash", "expiresAt") VALUES ($1, md5(random()::text) || md5(random()::text), now() + interval '1 day') RETURNING id`, [userId]);
        await c.query("COMMIT");
        return s.rows[0].id as number;
      });
    const doomed = await oldMagicSession(unproven.id, unproven.email);
    const keptProven = await oldMagicSession(proven.id, proven.email);
    const passwordSession = await withPg(async (c) => {
      const s = await c.query(`INSERT INTO "Session" ("userId", "tokenHash", "expiresAt") VALUES ($1, md5(random()::text) || md5(random()::text), now() + interval '1 day') RETURNING id`, [unproven.id]);
      return s.rows[0].id as number;
    });
    // Limited to this test's accounts: other files share the database.
    await withPg((c) => c.query(`${cleanup.trim().replace(/;$/, "")} AND s."userId" = ANY($1::int[])`, [[unproven.id, proven.id]]));
    const left = await db().session.findMany({ where: { id: { in: [doomed, keptProven, passwordSession] } }, select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual([keptProven, passwordSession].sort());
  });
});
