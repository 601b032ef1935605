import { OPERATOR } from "../../lib/actor";
import { issueApiToken } from "../../lib/auth/credentials/api-tokens";
import type { Db } from "../../lib/db/client";
import { setCanInviteTeachers } from "../../lib/admin/grant-invite";
import { sendInvitation } from "../../lib/invitations/send";
import { uniq } from "./helpers";
import { makeInviter, makeUser, tokenFromMailbox, type TestUser } from "./teach";
import { staffContext } from "./staff-context";
import { testContext } from "./context";

// Fixtures for the invitation routes and pages: users with an API token, invitations
// with the token from their email, and a small HTTP client.

export interface ApiUser extends TestUser {
  /** `Authorization: Token <key>` for this user. */
  key: string;
}

export async function withKey(db: Db, user: TestUser): Promise<ApiUser> {
  return { ...user, key: await issueApiToken(db, user.id) };
}

export const apiInviter = async (db: Db) => withKey(db, await makeInviter(db));
export const apiMember = async (db: Db, opts: Parameters<typeof makeUser>[1] = {}) => withKey(db, await makeUser(db, opts));

export const freshEmail = (prefix = "invitee") => `${uniq(prefix)}@example.com`;

/** A pending invitation (sent through the domain) and the token from its email. */
export async function pendingInvitation(db: Db, opts: { inviter?: TestUser; email?: string; message?: string } = {}) {
  const inviter = opts.inviter ?? (await makeInviter(db));
  const sent = await sendInvitation({ inviteeEmail: opts.email ?? freshEmail(), personalMessage: opts.message }, testContext({ actor: inviter, db }));
  const email = sent.invitation.inviteeEmail;
  return { inviter, email, sent, id: sent.invitation.id, token: await tokenFromMailbox(db, email) };
}

/**
 * A member whose email is `email` (the invitee of an invitation, say), proven unless
 * `emailVerified: false` (changing the address un-proves it, so the proof is set with it).
 */
export async function memberWithEmail(db: Db, email: string, opts: { emailVerified?: boolean } = {}): Promise<ApiUser> {
  const user = await makeUser(db);
  await db.user.update({ where: { id: user.id }, data: { email, emailVerifiedAt: opts.emailVerified === false ? null : new Date() } });
  return withKey(db, { ...user, email });
}

/** Lets the user invite teachers and marks their address proven (sending needs both, issue 11). */
export async function grantInvite(db: Db, userId: number): Promise<void> {
  await setCanInviteTeachers({ userId, canInviteTeachers: true, reason: "Test" }, staffContext(OPERATOR, db));
  await db.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
}

/** A page's visible text: no scripts (React's payload repeats the text), no tags, entities decoded. */
export function pageText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}
