import { createSession } from "../auth/credentials/session-rows";
import type { AuthUser } from "../auth/who/types";
import { inTransaction } from "../db/transaction";
import { isDomainError } from "../errors";
import { signedInId, type UseCaseContext } from "../use-case/context";
import { fieldOf } from "../use-case/input";
import { consumeLink } from "../one-time-links/consume";
import { proveMailbox } from "../users/prove-mailbox";
import { invalidMagicLink } from "./messages";

/**
 * The button of a magic link's page: spends the link and creates the browser session in
 * ONE transaction (a session without a spent link, or a spent link without a session,
 * cannot happen). createSession's guard refuses an inactive account, which rolls the
 * spending back too. Returns the user and the session secret for the cookie.
 *
 * The link proves the mailbox: on an account whose address was never proven, whatever
 * was set before (password, sessions, tokens, Google link) is removed first, in the same
 * transaction (proveMailbox), unless this browser is already signed in to that account
 * (ctx.actor). So the owner never shares the account with whoever registered
 * their address.
 */
export async function signInWithMagicLink(input: unknown, ctx: UseCaseContext): Promise<{ user: AuthUser; secret: string }> {
  const { log } = ctx;
  const client = { ip: ctx.ip, userAgent: ctx.userAgent ?? null };
  const signedIn = signedInId(ctx);
  const outcome = await inTransaction(ctx.db, async (tx) => {
    const userId = await consumeLink(tx, { uid: fieldOf(input, "uid"), token: fieldOf(input, "token"), purpose: "magic_login" });
    if (userId === null) throw invalidMagicLink();
    const proof = await proveMailbox(tx, userId, "magic_link", { ownerPresent: signedIn === userId });
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
    return { user, secret: session.secret, sessionId: session.id, proof };
  });
  const { user, proof } = outcome;
  if (proof.evicted) log.warn({ event: "account.claimed_by_mailbox", userId: user.id, via: "magic_link", sessionsEnded: proof.ended }, "unproven account claimed by its mailbox");
  if (proof.verifiedNow) log.info({ event: "email.verified", userId: user.id, via: "magic_link" }, "email verified");
  log.info({ event: "magic_link.used", userId: user.id, sessionId: outcome.sessionId }, "signed in with a magic link");
  return {
    user: { id: user.id, username: user.username, email: user.email, isStaff: user.isStaff, role: user.profile?.role ?? "explorer" },
    secret: outcome.secret,
  };
}
