import type { ClientInfo } from "../auth/sessions";
import { createSession } from "../auth/sessions";
import type { AuthUser } from "../auth/types";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { isDomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { consumeLink } from "../one-time-links/consume";
import { invalidMagicLink } from "./messages";

/**
 * The button of a magic link's page: spends the link and creates the browser session in
 * ONE transaction (a session without a spent link, or a spent link without a session,
 * cannot happen). createSession's guard refuses an inactive account, which rolls the
 * spending back too. Returns the user and the session secret for the cookie.
 */
export async function signInWithMagicLink(
  input: { uid: unknown; token: unknown },
  client: ClientInfo,
  ctx: { db: Db; log?: Logger },
): Promise<{ user: AuthUser; secret: string }> {
  const log = ctx.log ?? logger;
  const outcome = await inTransaction(ctx.db, async (tx) => {
    const userId = await consumeLink(tx, { uid: input.uid, token: input.token, purpose: "magic_login" });
    if (userId === null) throw invalidMagicLink();
    let session;
    try {
      session = await createSession(tx, userId, client);
    } catch (err) {
      throw isDomainError(err) ? invalidMagicLink() : err;
    }
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, username: true, email: true, isStaff: true, profile: { select: { role: true } } },
    });
    await tx.user.update({ where: { id: userId }, data: { lastLogin: new Date() }, select: { id: true } });
    return { user, secret: session.secret, sessionId: session.id };
  });
  const { user } = outcome;
  log.info({ event: "magic_link.used", userId: user.id, sessionId: outcome.sessionId }, "signed in with a magic link");
  return {
    user: { id: user.id, username: user.username, email: user.email, isStaff: user.isStaff, role: user.profile?.role ?? "explorer" },
    secret: outcome.secret,
  };
}
