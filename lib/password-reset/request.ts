import type { Db } from "../db/client";
import type { Tx } from "../db/transaction";
import { inTransaction } from "../db/transaction";
import { logger, maskEmail, type Logger } from "../log/logger";
import { issueLink, issueNoLink } from "../one-time-links/issue";
import { accountByEmail } from "../one-time-links/find-account";
import { LINK_PAGES, linkUrl } from "../one-time-links/token";
import { linkTtlMinutes } from "../one-time-links/config";
import { enqueueEmail } from "../outbox/enqueue";
import { limitLinkRequest, type Limiters } from "../security/rate-limits";
import { parseInput } from "../validation/parse";
import { resetRequestSchema } from "./schema";

export interface LinkRequestContext {
  db: Db;
  ip: string;
  log?: Logger;
  limiters?: Limiters;
}

/**
 * Someone asks for a password reset link. The answer (and its time) is the same whether
 * or not an account has the address: the request is counted per address and per email
 * before the lookup, and an address without an eligible account gets a transaction of
 * the same shape that writes nothing (issueNoLink). A staff-deactivated account gets no
 * link; a self-deactivated one does (the reset reactivates it). The email is queued in
 * the transaction that issues the link, which replaces any earlier reset link.
 */
export async function requestPasswordReset(input: unknown, ctx: LinkRequestContext): Promise<void> {
  const log = ctx.log ?? logger;
  const { email } = parseInput(resetRequestSchema, input);
  await limitLinkRequest("reset", ctx.ip, email, ctx.limiters);
  const account = await accountByEmail(ctx.db, email);
  const eligible = account && (account.isActive || account.selfDeactivated) ? account : null;
  await inTransaction(ctx.db, async (tx) => {
    if (!eligible) return issueNoLink(tx, "reset", email);
    await queueResetEmail(tx, { id: eligible.id, username: eligible.username, email: eligible.email });
  });
  log.info(
    { event: "password_reset.requested", emailMasked: maskEmail(email), matched: !!eligible, userId: eligible?.id },
    "password reset requested",
  );
}

/**
 * Issues a reset link for the account (replacing any earlier one) and queues its email,
 * in the caller's transaction: the person's own request above, or staff's (send-by-staff.ts).
 */
export async function queueResetEmail(tx: Tx, account: { id: number; username: string; email: string }): Promise<void> {
  const secret = await issueLink(tx, { userId: account.id, email: account.email, purpose: "reset" });
  const link = linkUrl(LINK_PAGES.reset, account.id, secret);
  const minutes = linkTtlMinutes("reset");
  await enqueueEmail(tx, {
    kind: "password_reset.requested",
    to: account.email,
    subject: "Reset your Zporta Academy password",
    text:
      `Hello ${account.username},\n\nSomeone (we hope you) asked to reset the password of your Zporta Academy account.\n\n` +
      `Choose a new password here: ${link}\n\n` +
      `The link works once, for ${minutes} minutes. Resetting signs you out everywhere.\n` +
      `If you did not ask for it, ignore this email: your password stays as it is.\n`,
    secret,
  });
}
