import type { Tx } from "../db/transaction";
import type { Locale } from "../i18n/config";
import { translator } from "../i18n/translator";
import { mailLink, type LinkEmail } from "../one-time-links/mail-link";

/**
 * Queues a verification email for the user's current address, in the caller's
 * transaction (a sign-up's, so the account and its email exist together). Replaces any
 * earlier verification link.
 */
export async function queueVerificationEmail(tx: Tx, user: { id: number; username: string; email: string }): Promise<void> {
  await mailLink(tx, user, "verify_email", (locale) => verificationEmail(user, locale));
}

/**
 * The verification email's kind, subject and text in `locale` (a sign-up writes it in its
 * own statement: lib/users/register.ts).
 */
export function verificationEmail(user: { username: string }, locale: Locale): LinkEmail {
  const t = translator(locale);
  return {
    kind: "email.verification",
    subject: t("mail.verification.subject"),
    text: (link, minutes) => {
      const days = Math.max(1, Math.round(minutes / (24 * 60)));
      return (
        `${t("mail.greeting", { name: user.username })}\n\n${t("mail.verification.confirm", { link })}\n\n` +
        `${t("mail.verification.expiry", { days })}\n`
      );
    },
  };
}
