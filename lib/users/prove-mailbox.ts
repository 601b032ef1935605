import { randomBytes } from "node:crypto";
import { recordAudit } from "../audit/record";
import { endAllSessions } from "../auth/credentials/end-all-sessions";
import type { Tx } from "../db/transaction";
import { killLinks } from "../one-time-links/issue";
import type { Locale } from "../i18n/config";
import { translator } from "../i18n/translator";
import { mailLink } from "../one-time-links/mail-link";
import { Prisma } from "../db/generated/client";
import { lockUserRow } from "../db/sql";

// One owner per address (issue 18 point 1, docs/ways-back-in.md "One owner per address").
// Whoever proves the mailbox of an account whose address was never proven becomes its only
// owner: what someone else may have set up before the proof (a password, sessions, API
// tokens, a linked Google identity) is removed in the same transaction as the proof.
// Content (profile, applications, invitations) is never touched.

/** How the mailbox was proven (audit and logs). */
export type MailboxProof = "magic_link" | "verification_link" | "google";

/** Like Django's set_unusable_password(): no password verifies against it. */
export const unusablePassword = (): string => `!${randomBytes(30).toString("base64url")}`;

export interface MailboxProven {
  /** The address was unproven and is proven now. */
  verifiedNow: boolean;
  /** Credentials the mailbox owner did not set were removed (and the owner emailed). */
  evicted: boolean;
  /** Sessions + API tokens ended by the eviction. */
  ended: number;
}

/**
 * Marks the account's address proven, in the caller's transaction (the one that spends
 * the link or checks Google's token), under the user's row lock.
 *
 * - Already proven: nothing changes.
 * - `ownerPresent` (the proof is redeemed by someone who is signed in to this very account,
 *   or who typed its password): they set those credentials, so only the proof is recorded.
 * - Otherwise, when the account holds a usable password, a session, an API token or a
 *   linked identity, they were set before anyone proved the mailbox, so possibly by
 *   someone else: the password is made unusable, every session and token ended, linked
 *   identities and unspent links removed, `account.claimed_by_mailbox` audited and the
 *   address sent a reset link saying what happened. The caller creates the owner's new
 *   session or token after this, so it survives.
 */
export async function proveMailbox(tx: Tx, userId: number, via: MailboxProof, opts: { ownerPresent?: boolean } = {}): Promise<MailboxProven> {
  const rows = await lockUserRow<{ unproven: boolean; usablePassword: boolean; email: string | null; username: string; dateJoined: Date }>(
    tx,
    userId,
    Prisma.sql`"emailVerifiedAt" IS NULL AS "unproven", left("passwordHash", 1) <> '!' AS "usablePassword", "email", "username", "dateJoined"`,
  );
  const row = rows[0];
  if (!row?.unproven || !row.email) return { verifiedNow: false, evicted: false, ended: 0 };

  const held = opts.ownerPresent
    ? 0
    : (
        await tx.$queryRaw<{ n: number }[]>`
          SELECT ((SELECT count(*) FROM "Session" WHERE "userId" = ${userId})
                + (SELECT count(*) FROM "ApiToken" WHERE "userId" = ${userId})
                + (SELECT count(*) FROM "LinkedIdentity" WHERE "userId" = ${userId}))::int AS "n"`
      )[0].n;
  if (opts.ownerPresent || (!row.usablePassword && held === 0)) {
    await tx.$executeRaw`UPDATE "User" SET "emailVerifiedAt" = now() WHERE "id" = ${userId}`;
    return { verifiedNow: true, evicted: false, ended: 0 };
  }

  await tx.$executeRaw`UPDATE "User" SET "emailVerifiedAt" = now(), "passwordHash" = ${unusablePassword()} WHERE "id" = ${userId}`;
  const ended = await endAllSessions(tx, userId);
  const identities = await tx.linkedIdentity.deleteMany({ where: { userId } });
  await killLinks(tx, userId, ["reset", "magic_login", "verify_email"]);
  await recordAudit(tx, {
    actorId: userId,
    action: "account.claimed_by_mailbox",
    targetType: "User",
    targetId: userId,
    details: {
      via,
      passwordRemoved: row.usablePassword,
      sessionsEnded: ended.sessions,
      tokensEnded: ended.tokens,
      identitiesRemoved: identities.count,
    },
  });
  await mailLink(tx, { id: userId, email: row.email }, "reset", (locale) => claimedEmail(locale, row.username, row.dateJoined));
  return { verifiedNow: true, evicted: true, ended: ended.sessions + ended.tokens };
}

function claimedEmail(locale: Locale, username: string, dateJoined: Date) {
  const t = translator(locale);
  return {
    kind: "account.claimed_by_mailbox",
    subject: t("mail.claimed.subject"),
    text: (link: string, minutes: number) =>
      `${t("mail.greetingNoName")}\n\n${t("mail.claimed.body", { username, joined: dateJoined.toISOString().slice(0, 10) })}\n\n` +
      `${t("mail.claimed.choose", { minutes, link })}\n\n` +
      `${t("mail.claimed.later")}\n`,
  };
}
