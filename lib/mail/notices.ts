import { publicUrl } from "../config/public-base-url";
import type { Locale } from "../i18n/config";
import { translator } from "../i18n/translator";
import type { EmailMessage } from "../outbox/enqueue";

// The emails that close a loop: something happened to your account, here is what, and
// what to do if it was not you. One shape for all of them (greeting, what happened, one
// action, "not you?"), so the HTML part (lib/mail/html.ts) looks the same for each.
// Each is written in the recipient's language (lib/mail/recipient-locale.ts), decided when
// it is queued: a retry sends the same words.

/** Who a notice goes to, and in which language. */
export interface Recipient {
  username: string;
  email: string;
  locale: Locale;
}

type T = ReturnType<typeof translator>;

interface Notice {
  kind: string;
  subject: string;
  /** What happened, one paragraph each. */
  body: string[];
  /** The one thing to do next, drawn as the button. */
  action?: { label: string; path: string };
  /** What to do if the person did not do this themselves. */
  notYou: string;
}

function notice(to: Recipient, t: T, n: Notice): EmailMessage {
  const parts = [t("mail.greeting", { name: to.username }), ...n.body];
  if (n.action) parts.push(`${n.action.label}: ${publicUrl(n.action.path)}`);
  parts.push(t("mail.notYou", { advice: n.notYou }));
  const signature = t("mail.signature", { site: t("common.siteName") });
  return { kind: n.kind, to: to.email, subject: n.subject, text: `${parts.join("\n\n")}\n\n${signature}\n` };
}

function resetAdvice(t: T): string {
  return t("mail.resetAdvice", { url: publicUrl("/forgot-password") });
}

function quoted(t: T, note: string | null | undefined): string[] {
  const text = note?.trim();
  if (!text) return [];
  return [`${t("mail.staffNote")}\n` + text.split("\n").map((l) => `> ${l}`).join("\n")];
}

export function guideApplicationDecidedEmail(
  applicant: Recipient,
  decision: "approved" | "rejected",
  note: string | null | undefined,
): EmailMessage {
  const t = translator(applicant.locale);
  const approved = decision === "approved";
  return notice(applicant, t, {
    kind: `guide_application.${decision}.notice`,
    subject: approved ? t("mail.guideDecision.approvedSubject") : t("mail.guideDecision.rejectedSubject"),
    body: approved
      ? [t("mail.guideDecision.approvedBody"), ...quoted(t, note)]
      : [t("mail.guideDecision.rejectedBody"), ...quoted(t, note), t("mail.guideDecision.applyAgain")],
    action: approved
      ? { label: t("mail.guideDecision.openAccount"), path: "/account" }
      : { label: t("mail.guideDecision.seeApplication"), path: "/guide-application" },
    notYou: t("mail.guideDecision.notYou"),
  });
}

export function passwordChangedEmail(user: Recipient, how: "changed" | "reset"): EmailMessage {
  const t = translator(user.locale);
  return notice(user, t, {
    kind: `password.${how}.notice`,
    subject: how === "changed" ? t("mail.passwordChanged.changedSubject") : t("mail.passwordChanged.resetSubject"),
    body: [how === "changed" ? t("mail.passwordChanged.changedBody") : t("mail.passwordChanged.resetBody")],
    action: { label: t("mail.passwordChanged.review"), path: "/account/security" },
    notYou: resetAdvice(t),
  });
}

export function accountDeactivatedEmail(user: Recipient): EmailMessage {
  const t = translator(user.locale);
  return notice(user, t, {
    kind: "account.deactivated.notice",
    subject: t("mail.deactivated.subject"),
    body: [t("mail.deactivated.body"), t("mail.deactivated.comeBack")],
    action: { label: t("mail.deactivated.signIn"), path: "/login" },
    notYou: t("mail.deactivated.notYou", { advice: resetAdvice(t) }),
  });
}

export function accountDeletedEmail(user: Recipient): EmailMessage {
  const t = translator(user.locale);
  return notice(user, t, {
    kind: "account.deleted.notice",
    subject: t("mail.deleted.subject"),
    body: [t("mail.deleted.body"), t("mail.deleted.cannotUndo")],
    notYou: t("mail.deleted.notYou"),
  });
}

export function newSignInEmail(user: Recipient, at: { ip: string; when: Date }): EmailMessage {
  const t = translator(user.locale);
  // The same unambiguous "YYYY-MM-DD HH:MM" in both languages: UTC, so no locale guesses a zone.
  const when = at.when.toISOString().replace("T", " ").slice(0, 16);
  return notice(user, t, {
    kind: "login.new_device.notice",
    subject: t("mail.newSignIn.subject"),
    body: [t("mail.newSignIn.body", { ip: at.ip, when }), t("mail.newSignIn.wasYou")],
    action: { label: t("mail.newSignIn.review"), path: "/account/security" },
    notYou: t("mail.newSignIn.notYou", { advice: resetAdvice(t) }),
  });
}
