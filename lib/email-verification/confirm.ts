import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { logger, type Logger } from "../log/logger";
import { consumeLink } from "../one-time-links/consume";
import { invalidVerificationLink } from "./messages";

/**
 * The person pressed the button of their verification link: the link is spent and the
 * address marked proven in one transaction (consumeLink only matches while the account's
 * email is still the one the link was mailed to).
 */
export async function confirmEmail(input: { uid: unknown; token: unknown }, ctx: { db: Db; log?: Logger }): Promise<{ userId: number }> {
  const log = ctx.log ?? logger;
  const userId = await inTransaction(ctx.db, async (tx) => {
    const id = await consumeLink(tx, { uid: input.uid, token: input.token, purpose: "verify_email" });
    if (id === null) throw invalidVerificationLink();
    await tx.$executeRaw`UPDATE "User" SET "emailVerifiedAt" = coalesce("emailVerifiedAt", now()) WHERE "id" = ${id}`;
    await recordAudit(tx, { actorId: id, action: "email.verified", targetType: "User", targetId: id, details: { via: "verification_link" } });
    return id;
  });
  log.info({ event: "email.verified", userId, via: "verification_link" }, "email verified");
  return { userId };
}
