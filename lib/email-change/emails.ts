import { maskEmail } from "../log/logger";
import { notice, resetAdvice } from "../mail/notices";
import type { EmailMessage } from "../outbox/enqueue";

/** To the NEW address: the link that makes the change (its secret leaves only here). */
export function emailChangeLinkEmail(m: { username: string; to: string; url: string }, secret: string): EmailMessage {
  return {
    kind: "email_change.link",
    to: m.to,
    subject: "Confirm your new Zporta Academy email address",
    text:
      `Hello ${m.username},\n\nYou asked to use this address for your Zporta Academy account.\n\n` +
      `Confirm it here: ${m.url}\n\n` +
      `The link works once, for 24 hours. Until you confirm, your account keeps its current address.\n` +
      `If you did not ask for this, ignore this email: nothing changes.\n\n— Zporta Academy\n`,
    secret,
  };
}

/** To the CURRENT address, when the change is asked: it still can stop it. */
export function emailChangeRequestedEmail(user: { username: string; email: string }, newEmail: string): EmailMessage {
  return notice({
    kind: "email_change.requested.notice",
    to: user.email,
    username: user.username,
    subject: "A change of your Zporta Academy email address was asked for",
    body: [
      `Someone signed in to your account asked to move it to ${maskEmail(newEmail)}. Nothing changes until that address confirms with the link we sent it.`,
    ],
    action: { label: "Review your security settings", path: "/account/security" },
    notYou: `${resetAdvice()} The request stops working once your password changes.`,
  });
}

/** To both addresses, once the change is made. */
export function emailChangedEmails(user: { username: string; fromEmail: string; newEmail: string }): EmailMessage[] {
  const masked = maskEmail(user.newEmail);
  return [
    notice({
      kind: "email.changed.notice",
      to: user.fromEmail,
      username: user.username,
      subject: "Your Zporta Academy email address was changed",
      body: [`The email address of your Zporta Academy account is now ${masked}. This address no longer receives its emails or sign-in links.`],
      notYou: "Someone who knew your password moved your account to another address. Reply to this email straight away so we can help you get it back.",
    }),
    notice({
      kind: "email.changed.confirmation",
      to: user.newEmail,
      username: user.username,
      subject: "Your Zporta Academy email address is confirmed",
      body: ["This is now the email address of your Zporta Academy account: sign-in links and notices come here."],
      action: { label: "Open your account", path: "/account" },
      notYou: "If you did not ask for this, reply to this email so we can look into it.",
    }),
  ];
}
