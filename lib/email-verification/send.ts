import type { Tx } from "../db/transaction";
import { linkTtlMinutes } from "../one-time-links/config";
import { issueLink } from "../one-time-links/issue";
import { LINK_PAGES, linkUrl } from "../one-time-links/token";
import { enqueueEmail } from "../outbox/enqueue";

/**
 * Queues a verification email for the user's current address, in the caller's
 * transaction (a sign-up's, so the account and its email exist together). Replaces any
 * earlier verification link.
 */
export async function queueVerificationEmail(tx: Tx, user: { id: number; username: string; email: string }): Promise<void> {
  const secret = await issueLink(tx, { userId: user.id, email: user.email, purpose: "verify_email" });
  const days = Math.max(1, Math.round(linkTtlMinutes("verify_email") / (24 * 60)));
  await enqueueEmail(tx, {
    kind: "email.verification",
    to: user.email,
    subject: "Confirm your email address for Zporta Academy",
    text:
      `Hello ${user.username},\n\nPlease confirm that this is your email address: ${linkUrl(LINK_PAGES.verify_email, user.id, secret)}\n\n` +
      `The link works once, for ${days} day${days === 1 ? "" : "s"}. If you did not create a Zporta Academy account, ignore this email.\n`,
    secret,
  });
}
