import { recordAudit } from "../audit/record";
import { checkViolation, uniqueViolation } from "../db/errors";
import { lockUser } from "../db/sql";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { maskEmail } from "../log/logger";
import { killLinks } from "../one-time-links/issue";
import { enqueueEmail } from "../outbox/enqueue";
import type { UseCaseContext } from "../use-case/context";
import { EMAIL_TAKEN } from "../users/register";
import { decodeUid, hashLinkSecret, linkUrl, newLinkSecret } from "../one-time-links/token";
import { parseInput } from "../validation/parse";
import { localeOrDefault } from "../i18n/translator";
import { emailChangedEmails } from "./emails";
import { pendingChange, spendChange } from "./link";
import { UNDO_PAGE } from "./undo-link";
import { invalidEmailChangeLink, USERNAME_IS_EMAIL } from "./messages";
import { confirmEmailChangeSchema } from "./schema";

/**
 * The new mailbox presses its link: in ONE transaction under the user's row lock the link
 * is spent by its conditional UPDATE, the account's address becomes the new one (proven,
 * since the link reached it), the links mailed to the old address die, and both addresses
 * are told; the old address's notice carries a link that undoes the change for 7 days
 * (lib/email-change/undo.ts). The unique indexes decide whether the address is still free
 * (someone may have signed up with it since the request): then nothing changes and the
 * link stays unspent.
 * Sessions are kept: the person changing the address is the one signed in.
 */
export async function confirmEmailChange(input: unknown, ctx: UseCaseContext): Promise<{ userId: number; email: string }> {
  const { db, log } = ctx;
  const ref = parseInput(confirmEmailChangeSchema, input);
  const userId = decodeUid(ref.uid);
  // Validate first: an unusable link is answered before anything is locked.
  if (userId === null || !(await pendingChange(db, ref))) {
    log.info({ event: "email_change.refused", reason: "invalid_link" }, "email change refused");
    throw invalidEmailChangeLink();
  }
  const changed = await inTransaction(db, async (tx) => {
    await lockUser(tx, userId);
    const undoSecret = newLinkSecret();
    const change = await spendChange(tx, ref, hashLinkSecret(undoSecret));
    if (!change) throw invalidEmailChangeLink();
    try {
      await tx.$executeRaw`UPDATE "User" SET "email" = ${change.newEmail}, "emailVerifiedAt" = now() WHERE "id" = ${userId}`;
    } catch (err) {
      const constraint = uniqueViolation(err) ?? checkViolation(err);
      if (constraint === "User_username_is_own_email") throw new DomainError("username_is_email", USERNAME_IS_EMAIL, 409);
      if (constraint) throw new DomainError("email_taken", EMAIL_TAKEN, 409);
      throw err;
    }
    await killLinks(tx, userId, ["reset", "magic_login", "verify_email"]);
    await recordAudit(tx, {
      actorId: userId,
      action: "email.changed",
      targetType: "User",
      targetId: userId,
      details: { from: maskEmail(change.fromEmail), to: maskEmail(change.newEmail) },
    });
    const undo = { url: linkUrl(UNDO_PAGE, userId, undoSecret), secret: undoSecret };
    await enqueueEmail(tx, ...emailChangedEmails({ ...change, locale: localeOrDefault(change.locale) }, undo));
    return change;
  });
  log.info({ event: "email_change.confirmed", userId, newEmailMasked: maskEmail(changed.newEmail) }, "email address changed");
  return { userId, email: changed.newEmail };
}
