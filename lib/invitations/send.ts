import { offerVerification } from "./unproven-inviter";
import { recordAudit } from "../audit/record";
import { publicUrl } from "../config/public-base-url";
import type { Db } from "../db/client";
import { uniqueViolation } from "../db/errors";
import { inTransaction, type Tx } from "../db/transaction";
import { isDomainError } from "../errors";
import { maskEmail } from "../log/logger";
import { verifyBeforeInviting } from "../email-verification/messages";
import { enqueueEmail } from "../outbox/enqueue";
import { requireSignedIn, type UseCaseContext } from "../use-case/context";
import { translator } from "../i18n/translator";
import { recipientLocale } from "../mail/recipient-locale";
import { parseInput } from "../validation/parse";
import { accountExists, alreadyInvited, MONTHLY_LIMIT, monthlyLimitReached, noPermission } from "./messages";
import { sendInvitationSchema } from "./send-schema";
import { hashInvitationToken, newInvitationToken } from "./token";
import { invitationViewSelect, type InvitationView } from "./view";
import { ciEquals, column } from "../db/sql";

const ONE_PENDING_INDEX = "TeacherInvitation_one_pending_per_email";

export interface SentInvitation {
  invitation: InvitationView;
  remainingThisMonth: number;
}

/**
 * A trusted teacher invites someone to teach. Every rule is decided inside one
 * transaction that first locks the inviter's profile row: concurrent sends by one
 * inviter (from any number of processes) queue on that lock, so each counts the
 * month's invitations after the previous one committed. The permission is read under
 * the same lock, so a concurrent revocation is respected. The token leaves this
 * function only inside the queued email.
 */
export async function sendInvitation(input: unknown, ctx: UseCaseContext): Promise<SentInvitation> {
  try {
    return await send(input, ctx);
  } catch (err) {
    // Through the old API (the live frontend has no page to prove an address), an
    // unproven inviter's refusal also emails them a verification link (./unproven-inviter.ts).
    // The page says where to verify instead.
    throw ctx.adapter === "route" ? await offerVerification(err, ctx) : err;
  }
}

async function send(input: unknown, ctx: UseCaseContext): Promise<SentInvitation> {
  const actor = requireSignedIn(ctx);
  const { db, log } = ctx;
  const { inviteeEmail, personalMessage } = parseInput(sendInvitationSchema, input);
  const token = newInvitationToken();
  const fields = { inviterId: actor.id, inviteeMasked: maskEmail(inviteeEmail) };

  try {
    const sent = await inTransaction(db, async (tx) => {
      const locked = await tx.$queryRaw<{ canInviteTeachers: boolean; verified: boolean }[]>`
        SELECT p."canInviteTeachers", u."emailVerifiedAt" IS NOT NULL AS "verified"
        FROM "Profile" p JOIN "User" u ON u."id" = p."userId"
        WHERE p."userId" = ${actor.id} FOR UPDATE OF p`;
      if (!locked[0]?.canInviteTeachers) throw noPermission();
      // Invitations go out in the inviter's name: only from a proven address (issue 11).
      if (!locked[0].verified) throw verifyBeforeInviting();

      const used = await countThisMonth(tx, actor.id);
      if (used >= MONTHLY_LIMIT) throw monthlyLimitReached();
      if (await emailHasAccount(tx, inviteeEmail)) throw accountExists();
      // Fast path for the message; the partial unique index is the guard.
      const duplicate = await tx.$queryRaw<{ id: number }[]>`
        SELECT "id" FROM "TeacherInvitation"
        WHERE "inviterId" = ${actor.id} AND "status" = 'pending'
          AND ${ciEquals(column("inviteeEmail"), inviteeEmail)}`;
      if (duplicate.length) throw alreadyInvited();

      // Both times from the database clock, so the 30-day CHECK holds exactly.
      const [{ id }] = await tx.$queryRaw<{ id: number }[]>`
        INSERT INTO "TeacherInvitation" ("inviterId", "inviteeEmail", "tokenHash", "personalMessage", "createdAt", "expiresAt")
        VALUES (${actor.id}, ${inviteeEmail}, ${hashInvitationToken(token)}, ${personalMessage ?? null}, now(), now() + interval '30 days')
        RETURNING "id"`;
      const invitation = await tx.teacherInvitation.findUniqueOrThrow({ where: { id }, select: invitationViewSelect });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "invitation.sent",
        targetType: "TeacherInvitation",
        targetId: id,
        details: { inviteeEmail },
      });
      await enqueueInvitationEmail(tx, invitation, token, actor.id);
      return { invitation, remainingThisMonth: MONTHLY_LIMIT - used - 1 };
    });
    log.info({ event: "invitation.sent", invitationId: sent.invitation.id, ...fields }, "invitation sent");
    return sent;
  } catch (err) {
    const refusal = uniqueViolation(err) === ONE_PENDING_INDEX ? alreadyInvited() : err;
    if (isDomainError(refusal)) {
      log.info({ event: "invitation.refused", reason: refusal.code, ...fields }, "invitation refused");
    }
    throw refusal;
  }
}

/** Invitations this inviter created in the current calendar month (UTC), whatever became of them. */
export async function countThisMonth(tx: Tx | Db, inviterId: number): Promise<number> {
  const [{ n }] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "TeacherInvitation"
    WHERE "inviterId" = ${inviterId}
      AND "createdAt" >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`;
  return n;
}

async function emailHasAccount(tx: Tx, email: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "User" WHERE ${ciEquals(column("email"), email)}`;
  return rows.length > 0;
}

async function enqueueInvitationEmail(tx: Tx, invitation: InvitationView, token: string, inviterId: number): Promise<void> {
  const inviter = await tx.user.findUniqueOrThrow({
    where: { id: inviterId },
    select: { username: true, profile: { select: { displayName: true } } },
  });
  const name = inviter.profile?.displayName || inviter.username;
  // The invitee has no account, so no language of their own: the inviter's, which is also the
  // language of the page they sent it from (requestLocale puts a member's Profile.locale first).
  const t = translator(await recipientLocale(tx, inviterId));
  const secret = encodeURIComponent(token);
  const link = publicUrl(`/accept-invitation?token=${secret}`);
  const message = invitation.personalMessage
    ? `\n${t("mail.invitation.theirMessage")}\n\n${invitation.personalMessage
        .split("\n")
        .map((l) => `> ${l}`)
        .join("\n")}\n`
    : "";
  await enqueueEmail(tx, {
    kind: "invitation.sent",
    to: invitation.inviteeEmail,
    subject: t("mail.invitation.subject", { name }),
    text:
      `${t("mail.greetingNoName")}\n\n${t("mail.invitation.body", { name })}\n${message}\n` +
      `${t("mail.invitation.accept", { link })}\n\n` +
      `${t("mail.invitation.expiry", { date: invitation.expiresAt.toISOString().slice(0, 10) })}\n`,
    // Only the email keeps the token: the row drops it once delivered.
    secret,
  });
}
