import { recordAudit } from "../audit/record";
import { credentialStamp } from "../auth/credentials/credential-stamp";
import { inTransaction } from "../db/transaction";
import { lockUserRow, ciKey } from "../db/sql";
import { Prisma } from "../db/generated/client";
import { maskEmail } from "../log/logger";
import { enqueueEmail } from "../outbox/enqueue";
import { hashLinkSecret, linkUrl, newLinkSecret } from "../one-time-links/token";
import { limitLinkRequest } from "../security/rate-limits";
import { requireRecentSecondFactor, stepUpCode } from "../two-factor/step-up";
import { requireSignedIn, type UseCaseContext } from "../use-case/context";
import { confirmOwnPassword, PASSWORD_INCORRECT } from "../users/confirm-own-password";
import { EMAIL_TAKEN, usernameClaimsOtherEmail } from "../users/register";
import { DomainError } from "../errors";
import { parseInput } from "../validation/parse";
import { localeOrDefault } from "../i18n/translator";
import { NO_EMAIL } from "../email-verification/messages";
import { emailChangeLinkEmail, emailChangeRequestedEmail } from "./emails";
import { EMAIL_CHANGE_TTL_MINUTES } from "./link";
import { EMAIL_CHANGE_PASSWORD_REQUIRED, newEmailRefused, SAME_EMAIL, USERNAME_IS_EMAIL } from "./messages";
import { requestEmailChangeSchema } from "./schema";

export const EMAIL_CHANGE_PAGE = "/change-email";

/**
 * A signed-in member asks to move their account to another address. The current
 * password must verify (counted like a sign-in, so a borrowed session is no password
 * oracle), and with two-factor on a second factor must be recent on this session. Nothing
 * about the account changes yet: a link goes to the NEW address (proving that mailbox is
 * what changes it, lib/email-change/confirm.ts) and a notice to the current one, which
 * can still reset the password if this was not its owner. A newer request replaces an
 * older one (the partial unique index holds one pending change per account).
 */
export async function requestEmailChange(input: unknown, ctx: UseCaseContext): Promise<{ sentTo: string }> {
  const { db, log } = ctx;
  const actor = requireSignedIn(ctx);
  const data = parseInput(requestEmailChangeSchema, input);
  // Step-up is checked on the session or token asking (ctx.credential).
  await requireRecentSecondFactor(db, actor.id, ctx.credential ?? null, stepUpCode(input), log);
  const matchedHash = await confirmOwnPassword(
    db,
    actor.id,
    { password: data.password, ip: ctx.ip, limiters: ctx.limiters },
    EMAIL_CHANGE_PASSWORD_REQUIRED,
  );
  const row = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { username: true, email: true, profile: { select: { locale: true } } } });
  // An account imported without an address has nothing to move from: support sets one.
  if (!row.email) throw new DomainError("no_email", NO_EMAIL, 400);
  const user = { username: row.username, email: row.email, locale: localeOrDefault(row.profile?.locale) };
  if (user.email.toLowerCase() === data.new_email.toLowerCase()) throw newEmailRefused(SAME_EMAIL);
  // An email-shaped username must be the account's own address (the CHECK on "User").
  if (usernameClaimsOtherEmail(user.username, data.new_email)) throw newEmailRefused(USERNAME_IS_EMAIL, "username_is_email");
  // Fast path for a nicer answer; the unique indexes decide when the link is pressed.
  const held = await db.$queryRaw<{ one: number }[]>`
    SELECT 1 AS one FROM "SignInIdentifier" WHERE ${ciKey(Prisma.sql`"identifier"`)} = ${ciKey(data.new_email)} LIMIT 1`;
  if (held.length) throw newEmailRefused(EMAIL_TAKEN, "email_taken");
  // Bounds the mail one mailbox receives; within the interval the link already sent stands.
  const send = await limitLinkRequest("change_email", ctx.ip, data.new_email, ctx.limiters);

  const secret = newLinkSecret();
  await inTransaction(db, async (tx) => {
    // The password verified above and the address asked from must still be the account's.
    const locked = await lockUserRow<{ passwordHash: string; email: string }>(tx, actor.id, Prisma.sql`"passwordHash", "email"`, Prisma.sql`"isActive"`);
    if (locked[0]?.passwordHash !== matchedHash) throw new DomainError("invalid", PASSWORD_INCORRECT, 400, { password: PASSWORD_INCORRECT });
    if (locked[0].email !== user.email) throw newEmailRefused(SAME_EMAIL);
    if (!send) return;
    await tx.$executeRaw`DELETE FROM "EmailChange" WHERE "userId" = ${actor.id} AND "usedAt" IS NULL`;
    await tx.$executeRaw`
      INSERT INTO "EmailChange" ("userId", "fromEmail", "newEmail", "credentialStamp", "tokenHash", "expiresAt")
      VALUES (${actor.id}, ${user.email}, ${data.new_email}, ${credentialStamp(matchedHash)}, ${hashLinkSecret(secret)},
              now() + make_interval(mins => ${EMAIL_CHANGE_TTL_MINUTES}::int))`;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "email.change_requested",
      targetType: "User",
      targetId: actor.id,
      details: { newEmail: maskEmail(data.new_email) },
    });
    await enqueueEmail(
      tx,
      emailChangeLinkEmail({ username: user.username, to: data.new_email, url: linkUrl(EMAIL_CHANGE_PAGE, actor.id, secret), locale: user.locale }, secret),
      emailChangeRequestedEmail(user, data.new_email),
    );
  });
  log.info(
    { event: send ? "email_change.requested" : "email_change.mail_deferred", userId: actor.id, newEmailMasked: maskEmail(data.new_email) },
    "email change requested",
  );
  return { sentTo: data.new_email };
}
