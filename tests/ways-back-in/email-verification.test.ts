import { describe, expect, inject, it } from "vitest";
import { confirmEmail } from "../../lib/email-verification/confirm";
import { ALREADY_VERIFIED, INVALID_VERIFICATION_LINK } from "../../lib/email-verification/messages";
import { resendVerification } from "../../lib/email-verification/resend";
import { acceptInvitation } from "../../lib/invitations/accept";
import { registerAndAcceptInvitation } from "../../lib/invitations/register-and-accept";
import { sendInvitation } from "../../lib/invitations/send";
import { VERIFICATION_LINK_SENT_TO_INVITE } from "../../lib/invitations/unproven-inviter";
import { createLimiters } from "../../lib/security/rate-limits";
import { apiCall, apiLogin, registeredUser } from "../support/auth";
import { baseUrl, http, refusal, STRONG_PASSWORD, testDb, uniq, withPg } from "../support/helpers";
import { freshEmail, grantInvite, memberWithEmail, pageText, pendingInvitation } from "../support/invite";
import { emailCount, mailedLink } from "../support/links";
import { makeUser } from "../support/teach";
import { testContext } from "../support/context";

// Issue 11 point 2: every new account gets a verification email; the link's button
// proves the address; sending invitations and being promoted on one's behalf need it.

const KIND = "email.verification";
const db = () => testDb();
const verifiedAt = async (username: string) => (await db().user.findFirstOrThrow({ where: { username }, select: { emailVerifiedAt: true } })).emailVerifiedAt;

describe("verification on sign-up", () => {
  it("the register API (contract unchanged) queues a verification email; the link's page does not spend it; the button proves the address", async () => {
    const user = await registeredUser();
    const token = (await apiLogin({ username: user.username, password: user.password })).json!.token as string;
    expect((await apiCall("/api/users/profile/", { token })).json).toMatchObject({ email_verified: false });
    const link = await mailedLink(db(), user.email, KIND);
    expect(link.url).toBe(`${baseUrl()}/verify-email/${link.uid}/${link.token}/`);

    const page = await fetch(`${baseUrl()}${link.path}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(pageText(await page.text())).toContain("Confirm my email address");
    expect(await verifiedAt(user.username)).toBeNull();

    // Pressed in a browser signed in to the account (issue 18: elsewhere it would claim the account for the mailbox).
    const id = (await db().user.findFirstOrThrow({ where: { username: user.username } })).id;
    await confirmEmail({ uid: link.uid, token: link.token }, testContext({ db: db(), actor: { id, isStaff: false } }));
    expect((await apiCall("/api/users/profile/", { token })).json).toMatchObject({ email_verified: true });
    expect(await refusal(confirmEmail({ uid: link.uid, token: link.token }, testContext({ db: db() })))).toMatchObject({ status: 400, message: INVALID_VERIFICATION_LINK });
    expect(await db().auditLog.count({ where: { action: "email.verified", targetId: id } })).toBe(1);
    // Changing the address un-proves it (the trigger of 20261201000700).
    await withPg((c) => c.query(`UPDATE "User" SET email = $2 WHERE id = $1`, [id, `${uniq("moved")}@example.com`]));
    expect((await apiCall("/api/users/profile/", { token })).json).toMatchObject({ email_verified: false });
  });

  it("a link mailed to an earlier address proves nothing once the address changed", async () => {
    const user = await registeredUser();
    const link = await mailedLink(db(), user.email, KIND);
    await withPg((c) => c.query(`UPDATE "User" SET email = $2 WHERE username = $1`, [user.username, `${uniq("moved")}@example.com`]));
    expect(await refusal(confirmEmail({ uid: link.uid, token: link.token }, testContext({ db: db() })))).toMatchObject({ message: INVALID_VERIFICATION_LINK });
    expect(await verifiedAt(user.username)).toBeNull();
  });

  it("an invitation accepted from its emailed link proves the address: sign-up from it sends no verification email", async () => {
    const { token, email } = await pendingInvitation(db());
    const username = uniq("invitee");
    await registerAndAcceptInvitation({ token, username, password: STRONG_PASSWORD }, testContext({ db: db() }));
    expect(await verifiedAt(username)).not.toBeNull();
    expect(await emailCount(db(), email, KIND)).toBe(0);

    const other = await pendingInvitation(db());
    const member = await memberWithEmail(db(), other.email, { emailVerified: false });
    await acceptInvitation({ token: other.token }, testContext({ actor: member, db: db() }));
    expect(await verifiedAt(member.username)).not.toBeNull();
  });

  it("resend: refused when already verified, rate-limited per address", async () => {
    // The rate limiter's store uses the app's client (getDb), which reads DATABASE_URL.
    process.env.DATABASE_URL = inject("databaseUrl");
    const limiters = createLimiters({ prefix: uniq("rlverify"), linkPerEmail: { points: 2, durationSeconds: 600 } });
    const user = await registeredUser();
    const id = (await db().user.findFirstOrThrow({ where: { username: user.username } })).id;
    const first = await mailedLink(db(), user.email, KIND);
    await resendVerification({}, testContext({ actor: { id, isStaff: false }, db: db(), ip: "198.51.100.7", limiters }));
    const second = await mailedLink(db(), user.email, KIND);
    expect(second.token).not.toBe(first.token);
    // The newer link replaced the older.
    expect(await refusal(confirmEmail(first, testContext({ db: db() })))).toMatchObject({ message: INVALID_VERIFICATION_LINK });
    await resendVerification({}, testContext({ actor: { id, isStaff: false }, db: db(), ip: "198.51.100.7", limiters }));
    expect(await refusal(resendVerification({}, testContext({ actor: { id, isStaff: false }, db: db(), ip: "198.51.100.7", limiters })))).toMatchObject({ status: 429 });
    await confirmEmail(await mailedLink(db(), user.email, KIND), testContext({ db: db() }));
    expect(await refusal(resendVerification({}, testContext({ actor: { id, isStaff: false }, db: db(), ip: "198.51.100.8", limiters })))).toMatchObject({ status: 400, message: ALREADY_VERIFIED });
  });
});

describe("a verified email is required", () => {
  it("to send teacher invitations: 403 with one sentence, in the domain and over the API", async () => {
    const inviter = await makeUser(db(), { canInviteTeachers: true, role: "guide", emailVerified: false });
    expect(await refusal(sendInvitation({ inviteeEmail: freshEmail() }, testContext({ actor: inviter, db: db() })))).toMatchObject({
      status: 403,
      message: "Verify your email address before inviting teachers.",
    });
    const user = await registeredUser();
    const id = (await db().user.findFirstOrThrow({ where: { username: user.username } })).id;
    await withPg((c) => c.query(`UPDATE "Profile" SET "canInviteTeachers" = true WHERE "userId" = $1`, [id]));
    const token = (await apiLogin({ username: user.username, password: user.password })).json!.token as string;
    // Over the API the refusal also emails a verification link right away (an imported
    // teacher's first invitation must not end there: the live frontend has no way to ask).
    const before = await db().outbox.count({ where: { to: user.email, kind: KIND } });
    const res = await http("/api/users/invitations/send/", { key: token, body: { invitee_email: freshEmail() } });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ detail: VERIFICATION_LINK_SENT_TO_INVITE });
    expect(await db().outbox.count({ where: { to: user.email, kind: KIND } })).toBe(before + 1);
    // Asked again at once: no new email beyond the per-address budget, but the sentence still says where to go.
    for (let i = 0; i < 6; i++) {
      const again = await http("/api/users/invitations/send/", { key: token, body: { invitee_email: freshEmail() } });
      expect(again.status).toBe(403);
      expect(again.json!.detail).toMatch(/^Verify your email address before inviting teachers: /);
    }
    const last = await http("/api/users/invitations/send/", { key: token, body: { invitee_email: freshEmail() } });
    expect(last.json!.detail).toBe(`Verify your email address before inviting teachers: open the link we emailed you, or ask for a new one at ${baseUrl()}/account.`);
    await confirmEmail(await mailedLink(db(), user.email, KIND), testContext({ db: db(), actor: { id, isStaff: false } }));
    expect((await http("/api/users/invitations/send/", { key: token, body: { invitee_email: freshEmail() } })).status).toBe(201);
  });

  it("grantInvite in the test helpers proves the inviter's address", async () => {
    const member = await makeUser(db(), { emailVerified: false });
    await grantInvite(db(), member.id);
    expect((await sendInvitation({ inviteeEmail: freshEmail() }, testContext({ actor: member, db: db() }))).invitation.status).toBe("pending");
  });
});
