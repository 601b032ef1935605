import { OPERATOR } from "../../lib/actor";
import { createDb } from "../../lib/db/client";
import { setCanInviteTeachers } from "../../lib/admin/grant-invite";
import { emailText, type MailboxRow } from "../../tests/support/mailbox";
import { sql } from "./accounts";
import { staffContext } from "../../tests/support/staff-context";

/**
 * Lets a user invite teachers, through the same domain function as the operator's CLI,
 * and marks their address proven (sending invitations needs it; e2e/ways-back-in.spec.ts
 * proves one through the real verification link).
 */
export async function grantInvite(username: string): Promise<void> {
  const db = createDb(process.env.TEST_DATABASE_URL);
  try {
    const user = await db.user.findFirstOrThrow({ where: { username }, select: { id: true } });
    await setCanInviteTeachers({ userId: user.id, canInviteTeachers: true, reason: "Test" }, staffContext(OPERATOR, db));
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  } finally {
    await db.$disconnect();
  }
}

/**
 * The link in the newest invitation email to `email`, as the invitee reads it: from the
 * Outbox row while pending, from the test mailbox once delivered (tests/support/mailbox.ts).
 */
export async function linkFromMailbox(email: string): Promise<string> {
  const { rows } = await sql(
    `SELECT id, status, "text", secret, "secretAt" FROM "Outbox" WHERE "to" = $1 AND kind = 'invitation.sent' ORDER BY id DESC LIMIT 1`,
    [email],
  );
  const text = rows[0] ? emailText(rows[0] as MailboxRow, process.env.TEST_DATABASE_URL!) : undefined;
  const link = text?.match(/https?:\/\/\S+\/accept-invitation\?token=[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error(`no invitation email to ${email}`);
  return link;
}
