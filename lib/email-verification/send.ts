import type { Tx } from "../db/transaction";
import { mailLink, type LinkEmail } from "../one-time-links/mail-link";

/**
 * Queues a verification email for the user's current address, in the caller's
 * transaction (a sign-up's, so the account and its email exist together). Replaces any
 * earlier verification link.
 */
export async function queueVerificationEmail(tx: Tx, user: { id: number; username: string; email: string }): Promise<void> {
  await mailLink(tx, user, "verify_email", verificationEmail(user));
}

/** The verification email's kind, subject and text (a sign-up writes it in its own statement: lib/users/register.ts). */
export function verificationEmail(user: { username: string }): LinkEmail {
  return {
    kind: "email.verification",
    subject: "Confirm your email address for Zporta Academy",
    text: (link, minutes) => {
      const days = Math.max(1, Math.round(minutes / (24 * 60)));
      return (
        `Hello ${user.username},\n\nPlease confirm that this is your email address: ${link}\n\n` +
        `The link works once, for ${days} day${days === 1 ? "" : "s"}. If you did not create a Zporta Academy account, ignore this email.\n`
      );
    },
  };
}
