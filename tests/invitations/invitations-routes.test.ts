import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { registeredUser, sessionCookie } from "../support/auth";
import { baseUrl, http, testDb, uniq } from "../support/helpers";
import {
  apiInviter,
  apiMember,
  freshEmail,
  grantInvite,
  memberWithEmail,
  pendingInvitation,
  withKey,
} from "../support/invite";
import { ageInvitation, makeStaff, profileOf } from "../support/teach";
import { waitFor } from "../support/wait";

// The old invitation API, row by row: status and body exactly, both path spellings,
// credentials by Token header or session cookie.

const NO_CREDENTIALS = '{"detail":"Authentication credentials were not provided."}';
const SEND = "/api/users/invitations/send/";
const LIST = "/api/users/invitations/";
const ACCEPT = "/api/users/invitations/accept/";
const cancelPath = (id: number | string) => `/api/users/invitations/${id}/cancel/`;
const both = (path: string) => [path, path.replace(/\/$/, "")];

/** Every token these tests handle: none may ever appear in the server's log. */
const tokensSeen: string[] = [];
const db = () => testDb();

async function pending(opts: Parameters<typeof pendingInvitation>[1] = {}) {
  const invitation = await pendingInvitation(db(), opts);
  tokensSeen.push(invitation.token);
  return invitation;
}

describe("POST /api/users/invitations/send/", () => {
  it("201 with the invitation in snake_case and remaining_invitations, on both spellings", async () => {
    const inviter = await apiInviter(db());
    const [first, second] = [freshEmail(), freshEmail()];
    const a = await http(SEND, { key: inviter.key, body: { invitee_email: first, personal_message: "Join us!" } });
    expect(a.status).toBe(201);
    expect(a.json).toEqual({
      detail: "Invitation sent.",
      invitation: {
        id: expect.any(Number),
        inviter: inviter.id,
        inviter_username: inviter.username,
        invitee_email: first,
        invitee: null,
        invitee_username: null,
        status: "pending",
        personal_message: "Join us!",
        created_at: expect.any(String),
        expires_at: expect.any(String),
        accepted_at: null,
        is_expired: false,
      },
      remaining_invitations: 2,
    });
    const invitation = a.json!.invitation as { created_at: string; expires_at: string };
    expect(Date.parse(invitation.expires_at) - Date.parse(invitation.created_at)).toBe(30 * 24 * 3600 * 1000);
    expect(a.text).not.toMatch(/token/i);
    const b = await http(SEND.replace(/\/$/, ""), { key: inviter.key, body: { invitee_email: second } });
    expect(b.status).toBe(201);
    expect(b.json).toMatchObject({ remaining_invitations: 1, invitation: { invitee_email: second, personal_message: "" } });
    // The invitee's email is in the outbox; the row itself keeps only the token's hash.
    expect(await db().outbox.count({ where: { to: first, kind: "invitation.sent" } })).toBe(1);
  });

  it("accepts a form-encoded body too", async () => {
    const inviter = await apiInviter(db());
    const email = freshEmail();
    const res = await http(SEND, {
      key: inviter.key,
      body: new URLSearchParams({ invitee_email: email }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ invitation: { invitee_email: email } });
  });

  it("403 without canInviteTeachers (staff included)", async () => {
    for (const user of [await apiMember(db(), { role: "guide" }), await withKey(db(), await makeStaff(db()))]) {
      const res = await http(SEND, { key: user.key, body: { invitee_email: freshEmail() } });
      expect(res.status).toBe(403);
      expect(res.text).toBe(`{"detail":"You don't have permission to invite teachers"}`);
    }
  });

  it("403 after 3 invitations this month", async () => {
    const inviter = await apiInviter(db());
    for (let i = 0; i < 3; i++) expect((await http(SEND, { key: inviter.key, body: { invitee_email: freshEmail() } })).status).toBe(201);
    const res = await http(SEND, { key: inviter.key, body: { invitee_email: freshEmail() } });
    expect(res.status).toBe(403);
    expect(res.text).toBe(`{"detail":"You've reached your monthly limit of 3 invitations"}`);
  });

  it("400 for an email that already has an account (any letter case)", async () => {
    const inviter = await apiInviter(db());
    const existing = await apiMember(db());
    const res = await http(SEND, { key: inviter.key, body: { invitee_email: existing.email.toUpperCase() } });
    expect(res.status).toBe(400);
    expect(res.text).toBe('{"detail":"A user with this email already exists."}');
  });

  it("400 for a second pending invitation to the same email", async () => {
    const inviter = await apiInviter(db());
    const email = freshEmail();
    expect((await http(SEND, { key: inviter.key, body: { invitee_email: email } })).status).toBe(201);
    const res = await http(SEND, { key: inviter.key, body: { invitee_email: email } });
    expect(res.status).toBe(400);
    expect(res.text).toBe('{"detail":"You already have a pending invitation for this email."}');
  });

  it.each([
    ["missing email", {}, "Invitee email is required.", "invitee_email"],
    ["blank email", { invitee_email: "  " }, "Invitee email is required.", "invitee_email"],
    ["bad email", { invitee_email: "not-an-email" }, "Enter a valid email address.", "invitee_email"],
    ["message too long", { invitee_email: "ok@example.com", personal_message: "m".repeat(501) }, "Personal message must be at most 500 characters.", "personal_message"],
    ["NUL in message", { invitee_email: "ok@example.com", personal_message: "a\u0000b" }, "Personal message contains a character that is not allowed.", "personal_message"],
  ])("400 for %s, with the field under its API name", async (_name, body, detail, field) => {
    const inviter = await apiInviter(db());
    const res = await http(SEND, { key: inviter.key, body });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ detail, fields: { [field]: detail } });
  });

  it("400 for bodies that are not a JSON object; 415 for other media types", async () => {
    const inviter = await apiInviter(db());
    expect(await http(SEND, { key: inviter.key, body: "[1]" })).toMatchObject({ status: 400, json: { detail: "The request body must be a JSON object." } });
    expect(await http(SEND, { key: inviter.key, body: "{nope" })).toMatchObject({ status: 400, json: { detail: "The request body is not valid JSON." } });
    const res = await http(SEND, { key: inviter.key, body: "x", headers: { "content-type": "text/plain" } });
    expect(res.status).toBe(415);
  });

  it("401 without credentials and with an unknown token", async () => {
    const res = await http(SEND, { body: { invitee_email: freshEmail() } });
    expect(res.status).toBe(401);
    expect(res.text).toBe(NO_CREDENTIALS);
    const bad = await http(SEND, { key: "0".repeat(40), body: { invitee_email: freshEmail() } });
    expect(bad).toMatchObject({ status: 401, text: '{"detail":"Invalid token."}' });
  });

  it("takes a browser session from this site, and ignores it on a cross-site request", async () => {
    const user = await registeredUser();
    const saved = await db().user.findFirstOrThrow({ where: { username: user.username } });
    await grantInvite(db(), saved.id);
    const cookie = await sessionCookie(user.username, user.password);
    const sameSite = await http(SEND, { cookie, headers: { origin: baseUrl() }, body: { invitee_email: freshEmail() } });
    expect(sameSite.status).toBe(201);
    const crossSite = await http(SEND, { cookie, headers: { origin: "https://evil.example" }, body: { invitee_email: freshEmail() } });
    expect(crossSite).toMatchObject({ status: 401, text: NO_CREDENTIALS });
    const list = await http(LIST, { cookie });
    expect(list.json).toMatchObject({ monthly_count: 1, remaining_this_month: 2, can_invite: true });
  });
});

describe("GET /api/users/invitations/", () => {
  it("the caller's invitations, newest first, with monthly_count, remaining_this_month and can_invite; both spellings", async () => {
    const inviter = await apiInviter(db());
    const a = await pending({ inviter });
    const b = await pending({ inviter });
    for (const path of both(LIST)) {
      const res = await http(path, { key: inviter.key });
      expect(res.status).toBe(200);
      expect(Object.keys(res.json!)).toEqual(["invitations", "monthly_count", "remaining_this_month", "can_invite"]);
      expect(res.json).toMatchObject({ monthly_count: 2, remaining_this_month: 1, can_invite: true });
      const invitations = res.json!.invitations as { id: number; status: string; invitee_email: string }[];
      expect(invitations.map((i) => [i.id, i.invitee_email, i.status])).toEqual([
        [b.id, b.email, "pending"],
        [a.id, a.email, "pending"],
      ]);
    }
  });

  it("can_invite false and an empty list for a member; expired ones are marked on sight", async () => {
    const member = await apiMember(db());
    expect((await http(LIST, { key: member.key })).json).toEqual({ invitations: [], monthly_count: 0, remaining_this_month: 3, can_invite: false });
    const inviter = await apiInviter(db());
    const old = await pending({ inviter });
    await ageInvitation(old.id, 31);
    const res = await http(LIST, { key: inviter.key });
    expect((res.json!.invitations as { status: string; is_expired: boolean }[]).map((i) => [i.status, i.is_expired])).toEqual([["expired", true]]);
    expect(res.json).toMatchObject({ monthly_count: 0, remaining_this_month: 3 });
  });

  it("401 without credentials", async () => {
    expect(await http(LIST)).toMatchObject({ status: 401, text: NO_CREDENTIALS });
  });
});

describe("GET /api/users/invitations/accept/?token=", () => {
  it("200 with who invited whom while pending (no credentials needed); both spellings", async () => {
    const inviter = await apiInviter(db());
    await db().profile.update({ where: { userId: inviter.id }, data: { displayName: "Ms Teacher" } });
    const inv = await pending({ inviter, message: "Come and teach!" });
    for (const path of both(ACCEPT)) {
      const res = await http(`${path}?token=${inv.token}`);
      expect(res.status).toBe(200);
      // The live view's envelope, which the live sign-up page reads (review §2 A25).
      expect(res.json).toEqual({
        invitation: {
          id: inv.id,
          inviter_username: inviter.username,
          inviter_display_name: "Ms Teacher",
          invitee_email: inv.email,
          personal_message: "Come and teach!",
          status: "pending",
          created_at: expect.any(String),
          expires_at: expect.any(String),
          is_expired: false,
        },
        inviter_name: "Ms Teacher",
      });
      expect(res.text).not.toContain(inv.token);
    }
  });

  it("400 naming the status for accepted, cancelled and expired invitations (an expired one is marked)", async () => {
    const accepted = await pending();
    const invitee = await memberWithEmail(db(), accepted.email);
    expect((await http(ACCEPT, { key: invitee.key, body: { token: accepted.token } })).status).toBe(200);
    const cancelled = await pending();
    expect((await http(cancelPath(cancelled.id), { method: "POST", key: (await withKey(db(), cancelled.inviter)).key })).status).toBe(200);
    const expired = await pending();
    await ageInvitation(expired.id, 31);

    for (const [inv, status, detail] of [
      [accepted, "accepted", "This invitation has already been accepted."],
      [cancelled, "cancelled", "This invitation was cancelled."],
      [expired, "expired", "This invitation has expired."],
    ] as const) {
      const res = await http(`${ACCEPT}?token=${inv.token}`);
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ detail, status });
    }
    expect((await db().teacherInvitation.findUniqueOrThrow({ where: { id: expired.id } })).status).toBe("expired");
  });

  it("404 for an unknown or malformed token, 400 for a missing one", async () => {
    for (const token of ["A".repeat(43), "short", encodeURIComponent("<script>")]) {
      expect(await http(`${ACCEPT}?token=${token}`)).toMatchObject({ status: 404, text: '{"detail":"This invitation link is not valid."}' });
    }
    expect(await http(ACCEPT)).toMatchObject({ status: 400, json: { detail: "The invitation token is required." } });
  });
});

describe("POST /api/users/invitations/accept/", () => {
  it("200: the invitee (email in another letter case) becomes a guide; both spellings", async () => {
    for (const path of both(ACCEPT)) {
      const inv = await pending();
      const invitee = await memberWithEmail(db(), inv.email.replace(/^[^@]+/, (s) => s.toUpperCase()));
      const res = await http(path, { key: invitee.key, body: { token: inv.token } });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({
        detail: "Invitation accepted.",
        invitation: { id: inv.id, status: "accepted", invitee: invitee.id, invitee_username: invitee.username, accepted_at: expect.any(String) },
        role: "both",
        active_guide: true,
        can_invite_teachers: false,
      });
      expect(await profileOf(db(), invitee.id)).toEqual({ role: "both", activeGuide: true, canInviteTeachers: false });
      expect(res.text).not.toContain(inv.token);
    }
  });

  it("401 without credentials, changing nothing", async () => {
    const inv = await pending();
    expect(await http(ACCEPT, { body: { token: inv.token } })).toMatchObject({ status: 401, text: NO_CREDENTIALS });
    expect((await db().teacherInvitation.findUniqueOrThrow({ where: { id: inv.id } })).status).toBe("pending");
  });

  it("400 for a signed-in user with another email, changing nothing", async () => {
    const inv = await pending();
    const someone = await apiMember(db());
    const res = await http(ACCEPT, { key: someone.key, body: { token: inv.token } });
    expect(res.status).toBe(400);
    expect(res.text).toBe('{"detail":"This invitation was sent to a different email address. Sign in with that address to accept it."}');
    expect((await db().teacherInvitation.findUniqueOrThrow({ where: { id: inv.id } })).status).toBe("pending");
    expect(await profileOf(db(), someone.id)).toMatchObject({ role: "explorer", activeGuide: false });
  });

  it("400 once accepted, when cancelled (the old defect) and when expired", async () => {
    const inv = await pending();
    const invitee = await memberWithEmail(db(), inv.email);
    expect((await http(ACCEPT, { key: invitee.key, body: { token: inv.token } })).status).toBe(200);
    expect(await http(ACCEPT, { key: invitee.key, body: { token: inv.token } })).toMatchObject({
      status: 400,
      text: '{"detail":"This invitation has already been accepted."}',
    });

    const cancelled = await pending();
    const cancelledInvitee = await memberWithEmail(db(), cancelled.email);
    await http(cancelPath(cancelled.id), { method: "POST", key: (await withKey(db(), cancelled.inviter)).key });
    expect(await http(ACCEPT, { key: cancelledInvitee.key, body: { token: cancelled.token } })).toMatchObject({
      status: 400,
      text: '{"detail":"This invitation was cancelled."}',
    });
    expect(await profileOf(db(), cancelledInvitee.id)).toMatchObject({ activeGuide: false });

    const expired = await pending();
    const late = await memberWithEmail(db(), expired.email);
    await ageInvitation(expired.id, 30);
    expect(await http(ACCEPT, { key: late.key, body: { token: expired.token } })).toMatchObject({
      status: 400,
      text: '{"detail":"This invitation has expired."}',
    });
    expect((await db().teacherInvitation.findUniqueOrThrow({ where: { id: expired.id } })).status).toBe("expired");
  });

  it("404 for an unknown token, 400 for a missing one or a body that is not an object", async () => {
    const member = await apiMember(db());
    expect(await http(ACCEPT, { key: member.key, body: { token: "B".repeat(43) } })).toMatchObject({ status: 404 });
    expect(await http(ACCEPT, { key: member.key, body: {} })).toMatchObject({ status: 400, json: { detail: "The invitation token is required." } });
    expect(await http(ACCEPT, { key: member.key, body: '"x"' })).toMatchObject({ status: 400, json: { detail: "The request body must be a JSON object." } });
  });
});

describe("POST /api/users/invitations/<id>/cancel/", () => {
  it("200 for the inviter; then 400 naming the status; both spellings", async () => {
    for (const path of [cancelPath, (id: number) => cancelPath(id).replace(/\/$/, "")]) {
      const inv = await pending();
      const inviter = await withKey(db(), inv.inviter);
      const res = await http(path(inv.id), { method: "POST", key: inviter.key });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ detail: "Invitation cancelled.", invitation: { id: inv.id, status: "cancelled" } });
      expect(await http(path(inv.id), { method: "POST", key: inviter.key })).toMatchObject({
        status: 400,
        text: '{"detail":"This invitation was cancelled."}',
      });
    }
  });

  it("404 'Not found.' for someone else's invitation and an unknown id; staff may cancel any", async () => {
    const inv = await pending();
    const other = await apiInviter(db());
    expect(await http(cancelPath(inv.id), { method: "POST", key: other.key })).toMatchObject({ status: 404, text: '{"detail":"Not found."}' });
    expect(await http(cancelPath(2_000_000_000), { method: "POST", key: other.key })).toMatchObject({ status: 404 });
    const staff = await withKey(db(), await makeStaff(db()));
    expect(await http(cancelPath(inv.id), { method: "POST", key: staff.key })).toMatchObject({ status: 200, json: { invitation: { status: "cancelled" } } });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "invitation.cancelled", targetId: inv.id } });
    expect(audit).toMatchObject({ actorId: staff.id, details: { byStaff: true } });
  });

  it("400 for an id that is not a number; 401 without credentials", async () => {
    const inviter = await apiInviter(db());
    expect(await http(cancelPath("abc"), { method: "POST", key: inviter.key })).toMatchObject({
      status: 400,
      json: { detail: "Invitation id must be a positive whole number.", fields: { id: "Invitation id must be a positive whole number." } },
    });
    const inv = await pending();
    expect(await http(cancelPath(inv.id), { method: "POST" })).toMatchObject({ status: 401, text: NO_CREDENTIALS });
  });
});

describe("secrets in the server log", () => {
  it("no invitation token this file used, and no invitee's full email, ever reaches the server's log", async () => {
    // A request whose own log line we wait for, so everything before it has been written.
    const inv = await pending();
    const invitee = await memberWithEmail(db(), inv.email);
    const requestId = `inv-log-${uniq("r")}`;
    expect((await http(ACCEPT, { key: invitee.key, body: { token: inv.token }, headers: { "x-request-id": requestId } })).status).toBe(200);
    const log = await waitFor("the accept request's log line", () => {
      const text = readFileSync(inject("serverLog"), "utf8");
      return text.includes(requestId) && text;
    });
    expect(tokensSeen.length).toBeGreaterThan(10);
    for (const token of tokensSeen) expect(log).not.toContain(token);
    expect(log).not.toContain(inv.email);
  });
});

