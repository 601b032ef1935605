import { describe, expect, it } from "vitest";
import { cancelInvitation } from "../../lib/invitations/cancel";
import { listInvitations } from "../../lib/invitations/list";
import { makeStaff as makeStaffByName, registeredUser, sessionCookie } from "../support/auth";
import { http, testDb } from "../support/helpers";
import { freshEmail, grantInvite, pageText, pendingInvitation } from "../support/invite";
import { ageInvitation, makeInviter } from "../support/teach";
import { testContext } from "../support/context";

// What the invitation pages answer, as a browser without JavaScript receives them:
// status codes, redirects and the words on the page for every state of an invitation.

const db = () => testDb();
const page = async (path: string, cookie?: string) => {
  const res = await http(path, { cookie });
  return { ...res, words: pageText(res.text) };
};
const invitationPage = (token: string, cookie?: string) => page(`/accept-invitation?token=${token}`, cookie);

/** A member made through the API (a real password), signed in; their id. */
async function signedIn(overrides: Record<string, unknown> = {}) {
  const user = await registeredUser(overrides);
  const { id } = await db().user.findFirstOrThrow({ where: { username: user.username }, select: { id: true } });
  return { ...user, id, cookie: await sessionCookie(user.username, user.password) };
}

describe("/accept-invitation", () => {
  it("anonymous, pending: who invited them, the message, the sign-up form with the email fixed, and a way to sign in", async () => {
    const inviter = await makeInviter(db());
    await db().profile.update({ where: { userId: inviter.id }, data: { displayName: "Ms Teacher" } });
    const inv = await pendingInvitation(db(), { inviter, message: "Come teach <b>maths</b> with us!" });
    const res = await invitationPage(inv.token);
    expect(res.status).toBe(200);
    expect(res.words).toContain("Ms Teacher invited you to teach");
    expect(res.words).toContain(`Ms Teacher (${inviter.username}) has invited you`);
    expect(res.words).toContain("Come teach <b>maths</b> with us!"); // shown as text, not markup
    expect(res.text).not.toContain("<b>maths</b>");
    expect(res.words).toContain("Create your account");
    const emailInput = res.text.match(/<input[^>]*id="email"[^>]*>/)?.[0] ?? "";
    expect(emailInput).toContain(`value="${inv.email}"`);
    expect(emailInput).toMatch(/readonly/i);
    expect(emailInput).not.toMatch(/name=/); // the server takes the invitation's address, not the form's
    expect(res.words).toContain("I already have an account");
    expect(res.text).toContain(`href="/login?next=${encodeURIComponent(`/accept-invitation?token=${inv.token}`)}"`);
    // The address holds the token: no Referer at all (the header, and no meta tag that
    // would loosen it), no indexing.
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.text).not.toContain('<meta name="referrer"');
    expect(res.text).toMatch(/<meta name="robots" content="noindex, nofollow"\/>/);
  });

  it("signed in with the invitation's email (another letter case): an Accept button, no sign-up form", async () => {
    const inv = await pendingInvitation(db());
    // The invitee's account appears after the invitation (sending refuses existing accounts).
    const invitee = await signedIn({ email: inv.email.replace(/^[^@]+/, (s) => s.toUpperCase()) });
    const res = await invitationPage(inv.token, invitee.cookie);
    expect(res.words).toContain("Accept the invitation");
    expect(res.words).not.toContain("Create your account");
  });

  it("signed in with another email: says so and offers to sign out", async () => {
    const inv = await pendingInvitation(db());
    const other = await signedIn();
    const res = await invitationPage(inv.token, other.cookie);
    expect(res.words).toContain(`You are signed in as ${other.username}`);
    expect(res.words).toContain(other.email);
    expect(res.words).toContain(`but this invitation was sent to ${inv.email}`);
    expect(res.words).toContain("Sign out");
    expect(res.words).not.toContain("Accept the invitation");
    expect(res.words).not.toContain("Create your account");
  });

  it("unknown, malformed and missing tokens: one clear page", async () => {
    for (const query of [`?token=${"C".repeat(43)}`, "?token=short", "?token=", ""]) {
      const res = await page(`/accept-invitation${query}`);
      expect(res.status, query).toBe(200);
      expect(res.words).toContain("This invitation link is not valid");
    }
  });

  it("cancelled, expired (marked on sight) and accepted invitations each get their own page", async () => {
    const cancelled = await pendingInvitation(db());
    await cancelInvitation({ invitationId: cancelled.id }, testContext({ actor: cancelled.inviter, db: db() }));
    const res1 = await invitationPage(cancelled.token);
    expect(res1.words).toContain("This invitation was cancelled");
    expect(res1.words).toContain(`ask ${cancelled.inviter.username} to send you a new invitation`);
    expect(res1.words).not.toContain("Create your account");

    const expired = await pendingInvitation(db());
    await ageInvitation(expired.id, 31);
    const res2 = await invitationPage(expired.token);
    expect(res2.words).toContain("This invitation has expired");
    expect(res2.words).not.toContain("Create your account");
    expect((await db().teacherInvitation.findUniqueOrThrow({ where: { id: expired.id } })).status).toBe("expired");

    const accepted = await pendingInvitation(db());
    const invitee = await signedIn({ email: accepted.email });
    const acceptedRes = await http("/api/users/invitations/accept/", { cookie: invitee.cookie, headers: { "sec-fetch-site": "same-origin" }, body: { token: accepted.token } });
    expect(acceptedRes.status).toBe(200);
    const res3 = await invitationPage(accepted.token);
    expect(res3.words).toContain("This invitation has already been accepted");
    const res4 = await invitationPage(accepted.token, invitee.cookie);
    expect(res4.words).toContain("You accepted it");
  });
});

describe("/invitations", () => {
  it("sends anonymous visitors to sign in first", async () => {
    const res = await http("/invitations");
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("/login?next=%2Finvitations");
  });

  it("tells a member without the permission why they cannot invite; shows an inviter the form and 'N of 3 left this month'", async () => {
    const member = await signedIn();
    const denied = await page("/invitations", member.cookie);
    expect(denied.status).toBe(200);
    expect(denied.words).toContain("You cannot send invitations.");
    expect(denied.words).toContain("ask a staff member");
    expect(denied.words).not.toContain("Send invitation");
    // The account page links here only for those who may invite.
    expect((await page("/account", member.cookie)).words).not.toContain("Invite teachers");

    await grantInvite(db(), member.id);
    expect((await page("/account", member.cookie)).words).toContain("Invite teachers");
    const allowed = await page("/invitations", member.cookie);
    expect(allowed.words).toContain("3 of 3 left this month");
    expect(allowed.words).toContain("Send invitation");
    expect(allowed.words).toContain("You have not sent any invitations yet.");

    for (let i = 0; i < 3; i++) await pendingInvitation(db(), { inviter: { id: member.id, isStaff: false, username: member.username, email: member.email } });
    const full = await page("/invitations", member.cookie);
    expect(full.words).toContain("0 of 3 left this month");
    expect(full.words).toContain("You have sent all 3 invitations for this month.");
    expect(full.words).not.toContain("Send invitation");
    expect(full.words.match(/Pending/g)).toHaveLength(3);
  });
});

describe("the staff pages", () => {
  it("/admin/invitations and /admin/audit: anonymous → sign in, members → 403, staff → 200", async () => {
    const member = await signedIn();
    const staff = await signedIn();
    await makeStaffByName(staff.username);
    for (const path of ["/admin/invitations", "/admin/audit"]) {
      const anonymous = await http(path);
      expect(anonymous.status).toBe(307);
      expect(anonymous.headers.get("location")).toBe(`/login?next=${encodeURIComponent(path)}`);
      expect((await http(path, { cookie: member.cookie })).status).toBe(403);
      expect((await http(path, { cookie: staff.cookie })).status).toBe(200);
    }
  });

  it("/admin/invitations filters by status, inviter and email; /admin/audit by target, with the actor's name", async () => {
    const staff = await signedIn();
    await makeStaffByName(staff.username);
    const email = freshEmail("staffview");
    const inv = await pendingInvitation(db(), { email });
    const list = await page(`/admin/invitations?${new URLSearchParams({ email: email.slice(0, 20).toUpperCase(), status: "pending" })}`, staff.cookie);
    expect(list.words).toContain(email);
    expect(list.words).toContain(inv.inviter.username);
    expect(list.words).toContain("Accept on behalf");
    const none = await page(`/admin/invitations?${new URLSearchParams({ email, status: "accepted" })}`, staff.cookie);
    expect(none.words).toContain("No invitations match.");
    const byInviter = await page(`/admin/invitations?inviter=${inv.inviter.id}`, staff.cookie);
    expect(byInviter.words).toContain(email);
    expect(byInviter.words).toContain("1 invitation, newest first.");
    const bad = await page("/admin/invitations?status=nope", staff.cookie);
    expect(bad.status).toBe(200);
    expect(bad.words).toContain("Status must be one of: pending, accepted, expired, cancelled.");

    const audit = await page(`/admin/audit?targetType=TeacherInvitation&targetId=${inv.id}`, staff.cookie);
    expect(audit.words).toContain("Sent a teacher invitation");
    expect(audit.words).toContain(inv.inviter.username);
    expect(audit.words).toContain(`Teacher invitation #${inv.id}`);
    const badAudit = await page("/admin/audit?targetId=x", staff.cookie);
    expect(badAudit.words).toContain("Target id must be a positive whole number.");
  });

  it("pages through long lists, keeping the filters", async () => {
    const staff = await signedIn();
    await makeStaffByName(staff.username);
    const inviter = await makeInviter(db());
    for (let i = 0; i < 3; i++) await pendingInvitation(db(), { inviter });
    const first = await page(`/admin/invitations?inviter=${inviter.id}&pageSize=2`, staff.cookie);
    expect(first.words).toContain("3 invitations, newest first.");
    expect(first.words).toContain("Page 1 of 2");
    expect(first.text).toContain(`href="/admin/invitations?inviter=${inviter.id}&amp;pageSize=2&amp;page=2"`);
  });

  it("filters by the UTC days sent (both included), bookmarkable, paged, clearable; bad days are a sentence", async () => {
    const staff = await signedIn();
    await makeStaffByName(staff.username);
    const staffActor = { id: staff.id, isStaff: true };
    const inviter = await makeInviter(db());
    // One at a time, each moved into the past before the next (3 a month may be sent).
    const sentAt = ["2025-03-31T23:59:59.999Z", "2025-04-01T00:00:00.000Z", "2025-04-30T23:59:59.999Z", "2025-05-01T00:00:00.000Z"];
    const ids: number[] = [];
    for (const at of sentAt) {
      const { id } = await pendingInvitation(db(), { inviter });
      await db().$executeRaw`UPDATE "TeacherInvitation" SET "createdAt" = ${new Date(at)}, "expiresAt" = ${new Date(at)}::timestamptz + interval '30 days' WHERE "id" = ${id}`;
      ids.push(id);
    }
    const listed = async (q: Record<string, string>) => (await listInvitations({ inviter: String(inviter.id), ...q }, testContext({ actor: staffActor, db: db() }))).items.map((i) => i.id);
    expect(await listed({ sentFrom: "2025-04-01", sentTo: "2025-04-30" })).toEqual([ids[2], ids[1]]);
    expect(await listed({ sentFrom: "2025-04-01" })).toEqual([ids[3], ids[2], ids[1]]);
    expect(await listed({ sentTo: "2025-04-30" })).toEqual([ids[2], ids[1], ids[0]]);
    expect(await listed({ sentFrom: "2025-05-01", sentTo: "2025-05-01" })).toEqual([ids[3]]);
    expect(await listed({ sentFrom: "", sentTo: "" })).toEqual([ids[3], ids[2], ids[1], ids[0]]);

    const path = `/admin/invitations?inviter=${inviter.id}&sentFrom=2025-04-01&sentTo=2025-04-30&pageSize=1`;
    const first = await page(path, staff.cookie);
    expect(first.words).toContain("Sent from 2025-04-01 to 2025-04-30 (UTC days). Any day");
    expect(first.text).toContain(`href="/admin/invitations?inviter=${inviter.id}&amp;pageSize=1"`); // "Any day" keeps the rest
    expect(first.text).toMatch(/name="sentFrom"[^>]*value="2025-04-01"|value="2025-04-01"[^>]*name="sentFrom"/);
    expect(first.words).toContain("2 invitations, newest first.");
    expect(first.words).toContain("Page 1 of 2");
    const next = `/admin/invitations?inviter=${inviter.id}&sentFrom=2025-04-01&sentTo=2025-04-30&pageSize=1&page=2`;
    expect(first.text).toContain(`href="${next.replaceAll("&", "&amp;")}"`);
    const second = await page(next, staff.cookie);
    expect(second.words).toContain("Page 2 of 2");
    const shown = (text: string) => [...new Set([...text.matchAll(/targetId=(\d+)/g)].map((m) => Number(m[1])))];
    expect([...shown(first.text), ...shown(second.text)]).toEqual([ids[2], ids[1]]);

    for (const [query, sentence] of [
      ["sentFrom=2025-02-30", "Sent from must be a real date."],
      ["sentTo=yesterday", "Sent to must be a date (YYYY-MM-DD)."],
      ["sentFrom=2025-05-01&sentTo=2025-04-01", "Sent from must not be after sent to."],
    ]) {
      const bad = await page(`/admin/invitations?${query}`, staff.cookie);
      expect(bad.status, query).toBe(200);
      expect(bad.words, query).toContain(sentence);
      expect(bad.words, query).not.toContain("Any day");
    }
  });
});
