import { publicUrl } from "../config/public-base-url";
import type { Locale } from "../i18n/config";
import { translator } from "../i18n/translator";
import { maskEmail } from "../log/logger";
import type { LinkEmail } from "../one-time-links/mail-link";
import type { EmailMessage } from "../outbox/enqueue";

// The email change's mails, in the recipient's language (their Profile.locale: the
// account's, for both addresses), in the house shape of lib/mail/notices.ts: greeting,
// what happened, one action line (drawn as the button by lib/mail/html.ts), "not you?".

function compose(locale: Locale, username: string, paragraphs: string[], notYou?: string): string {
  const t = translator(locale);
  const parts = [t("emailChange.mail.hello", { username }), ...paragraphs];
  if (notYou) parts.push(t("emailChange.mail.notYou", { advice: notYou }));
  return `${parts.join("\n\n")}\n\n${t("emailChange.mail.signature", { site: t("common.siteName") })}\n`;
}

/** To the NEW address: the link that makes the change (its secret leaves only here). */
export function emailChangeLinkEmail(m: { username: string; to: string; url: string; locale: Locale }, secret: string): EmailMessage {
  const t = translator(m.locale);
  const site = t("common.siteName");
  return {
    kind: "email_change.link",
    to: m.to,
    subject: t("emailChange.mail.linkSubject", { site }),
    text: compose(m.locale, m.username, [t("emailChange.mail.linkBody", { site }), `${t("emailChange.mail.linkAction")}: ${m.url}`, t("emailChange.mail.linkAfter")]),
    secret,
  };
}

/** After an undo, to the restored address: the reset link (lib/one-time-links/mail-link.ts), saying why it came. */
export function undoneResetLinkEmail(locale: Locale, username: string): LinkEmail {
  const t = translator(locale);
  const site = t("common.siteName");
  return {
    kind: "email_change.undone.reset_link",
    subject: t("emailChange.mail.undoneResetSubject", { site }),
    text: (link, minutes) =>
      compose(locale, username, [t("emailChange.mail.undoneResetBody"), `${t("emailChange.mail.undoneResetAction")}: ${link}`, t("emailChange.mail.undoneResetExpiry", { minutes })]),
  };
}

/** After an undo, to the address that was removed. */
export function emailChangeUndoneEmail(user: { username: string; removedEmail: string; locale: Locale }): EmailMessage {
  const t = translator(user.locale);
  const site = t("common.siteName");
  return {
    kind: "email_change.undone.notice",
    to: user.removedEmail,
    subject: t("emailChange.mail.undoneSubject", { site }),
    text: compose(user.locale, user.username, [t("emailChange.mail.undoneBody", { site })]),
  };
}

/** To the CURRENT address, when the change is asked: its owner can still stop it. */
export function emailChangeRequestedEmail(user: { username: string; email: string; locale: Locale }, newEmail: string): EmailMessage {
  const t = translator(user.locale);
  const site = t("common.siteName");
  const advice = `${t("emailChange.mail.resetAdvice", { url: publicUrl("/forgot-password") })} ${t("emailChange.mail.requestedNotYou")}`;
  return {
    kind: "email_change.requested.notice",
    to: user.email,
    subject: t("emailChange.mail.requestedSubject", { site }),
    text: compose(
      user.locale,
      user.username,
      [t("emailChange.mail.requestedBody", { masked: maskEmail(newEmail) }), `${t("emailChange.mail.requestedAction")}: ${publicUrl("/account/security")}`],
      advice,
    ),
  };
}

/**
 * To both addresses, once the change is made. The old address's notice carries the undo
 * link (its secret leaves only in that email).
 */
export function emailChangedEmails(
  user: { username: string; fromEmail: string; newEmail: string; locale: Locale },
  undo: { url: string; secret: string },
): EmailMessage[] {
  const t = translator(user.locale);
  const site = t("common.siteName");
  return [
    {
      kind: "email.changed.notice",
      to: user.fromEmail,
      subject: t("emailChange.mail.changedSubject", { site }),
      text: compose(
        user.locale,
        user.username,
        [t("emailChange.mail.changedBody", { site, masked: maskEmail(user.newEmail) }), `${t("emailChange.mail.undoAction")}: ${undo.url}`],
        t("emailChange.mail.changedNotYou"),
      ),
      secret: undo.secret,
    },
    {
      kind: "email.changed.confirmation",
      to: user.newEmail,
      subject: t("emailChange.mail.confirmedSubject", { site }),
      text: compose(
        user.locale,
        user.username,
        [t("emailChange.mail.confirmedBody", { site }), `${t("emailChange.mail.confirmedAction")}: ${publicUrl("/account")}`],
        t("emailChange.mail.confirmedNotYou"),
      ),
    },
  ];
}
