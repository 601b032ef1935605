import type { Tx } from "../db/transaction";
import type { Locale } from "../i18n/config";
import { recipientLocale } from "../mail/recipient-locale";
import { enqueueEmail } from "../outbox/enqueue";
import { linkTtlMinutes, type LinkPurpose } from "./config";
import { issueLink } from "./issue";
import { LINK_PAGES, linkUrl } from "./token";

export interface LinkEmail {
  kind: string;
  subject: string;
  /** The body, given the link and how many minutes it lives. */
  text(link: string, ttlMinutes: number): string;
}

/**
 * Issues a link of `purpose` for the account (replacing any earlier one) and queues its
 * email, in the caller's transaction: the secret leaves only in that email (the outbox
 * drops it after delivery). `email` writes it in the account's language (its Profile.locale).
 */
export async function mailLink(
  tx: Tx,
  account: { id: number; email: string },
  purpose: LinkPurpose,
  write: (locale: Locale) => LinkEmail,
): Promise<void> {
  const secret = await issueLink(tx, { userId: account.id, email: account.email, purpose });
  const email = write(await recipientLocale(tx, account.id));
  await enqueueEmail(tx, {
    kind: email.kind,
    to: account.email,
    subject: email.subject,
    text: email.text(linkUrl(LINK_PAGES[purpose], account.id, secret), linkTtlMinutes(purpose)),
    secret,
  });
}
