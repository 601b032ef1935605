import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { requireSignedIn, type UseCaseContext } from "../use-case/context";

export interface GoogleLink {
  email: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The account's Google identity as its owner sees it (/account/security), or null. */
export async function googleLinkOf(db: Db, userId: number): Promise<GoogleLink | null> {
  return db.linkedIdentity.findUnique({
    where: { userId_provider: { userId, provider: "google" } },
    select: { email: true, createdAt: true, lastUsedAt: true },
  });
}

/**
 * The owner removes the account's Google identity (Security page). The password and the
 * emailed links remain ways in; a Google sign-in afterwards links again only by the rules
 * of googleSignIn. Returns whether there was one. No input.
 */
export async function unlinkGoogle(_input: unknown, ctx: UseCaseContext): Promise<boolean> {
  const userId = requireSignedIn(ctx).id;
  const { log } = ctx;
  const removed = await inTransaction(ctx.db, async (tx) => {
    const { count } = await tx.linkedIdentity.deleteMany({ where: { userId, provider: "google" } });
    if (count) await recordAudit(tx, { actorId: userId, action: "account.google_unlinked", targetType: "User", targetId: userId });
    return count > 0;
  });
  log.info({ event: "google_login.unlinked", userId, existed: removed }, "Google unlinked");
  return removed;
}
