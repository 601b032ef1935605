import { publicUrl } from "../config/public-base-url";
import type { EmailMessage } from "../outbox/enqueue";

// The emails that close a loop: something happened to your account, here is what, and
// what to do if it was not you. One shape for all of them (greeting, what happened, one
// action, "not you?"), so the HTML part (lib/mail/html.ts) looks the same for each.

interface Notice {
  kind: string;
  to: string;
  subject: string;
  username: string;
  /** What happened, one paragraph each. */
  body: string[];
  /** The one thing to do next, drawn as the button. */
  action?: { label: string; path: string };
  /** What to do if the person did not do this themselves. */
  notYou: string;
}

function notice(n: Notice): EmailMessage {
  const parts = [`Hello ${n.username},`, ...n.body];
  if (n.action) parts.push(`${n.action.label}: ${publicUrl(n.action.path)}`);
  parts.push(`Not you? ${n.notYou}`);
  return { kind: n.kind, to: n.to, subject: n.subject, text: `${parts.join("\n\n")}\n\n— Zporta Academy\n` };
}

function resetAdvice(): string {
  return `Reset your password now at ${publicUrl("/forgot-password")} and sign out every other session from your security page.`;
}

function quoted(note: string | null | undefined): string[] {
  const text = note?.trim();
  if (!text) return [];
  return ["A note from the team:\n" + text.split("\n").map((l) => `> ${l}`).join("\n")];
}

export function guideApplicationDecidedEmail(
  applicant: { username: string; email: string },
  decision: "approved" | "rejected",
  note: string | null | undefined,
): EmailMessage {
  const approved = decision === "approved";
  return notice({
    kind: `guide_application.${decision}.notice`,
    to: applicant.email,
    username: applicant.username,
    subject: approved ? "Your guide application was approved" : "Your guide application was not approved",
    body: approved
      ? ["Good news: your application to become a guide on Zporta Academy was approved. You can now teach.", ...quoted(note)]
      : ["Your application to become a guide on Zporta Academy was not approved this time.", ...quoted(note), "You can apply again when you are ready."],
    action: { label: approved ? "Open your account" : "See your application", path: approved ? "/account" : "/guide-application" },
    notYou: "If you never applied to become a guide, reply to this email so we can look into it.",
  });
}

export function passwordChangedEmail(user: { username: string; email: string }, how: "changed" | "reset"): EmailMessage {
  return notice({
    kind: `password.${how}.notice`,
    to: user.email,
    username: user.username,
    subject: how === "changed" ? "Your Zporta Academy password was changed" : "Your Zporta Academy password was reset",
    body: [
      how === "changed"
        ? "The password of your Zporta Academy account was just changed. Your other sessions were signed out."
        : "The password of your Zporta Academy account was just reset with an emailed link. Every session was signed out.",
    ],
    action: { label: "Review your security settings", path: "/account/security" },
    notYou: resetAdvice(),
  });
}

export function accountDeactivatedEmail(user: { username: string; email: string }): EmailMessage {
  return notice({
    kind: "account.deactivated.notice",
    to: user.email,
    username: user.username,
    subject: "Your Zporta Academy account was deactivated",
    body: [
      "Your Zporta Academy account was deactivated and every session was signed out. Your profile is hidden, but nothing was deleted.",
      "To come back, simply sign in again: that reactivates the account.",
    ],
    action: { label: "Sign in", path: "/login" },
    notYou: `Someone who knows your password did this. ${resetAdvice()}`,
  });
}

export function accountDeletedEmail(user: { username: string; email: string }): EmailMessage {
  return notice({
    kind: "account.deleted.notice",
    to: user.email,
    username: user.username,
    subject: "Your Zporta Academy account was deleted",
    body: [
      "Your Zporta Academy account and its profile were deleted, as you asked. Invitations you sent stay in the history of the people you invited, without your name.",
      "This cannot be undone, but you are welcome to create a new account at any time.",
    ],
    notYou: "Someone who knew your password deleted your account. Reply to this email straight away so we can help.",
  });
}

export function newSignInEmail(user: { username: string; email: string }, at: { ip: string; when: Date }): EmailMessage {
  return notice({
    kind: "login.new_device.notice",
    to: user.email,
    username: user.username,
    subject: "New sign-in to your Zporta Academy account",
    body: [
      `Your account was just signed in to from a browser or app it has not used lately (address ${at.ip}, ${at.when.toISOString().replace("T", " ").slice(0, 16)} UTC).`,
      "If this was you, there is nothing to do.",
    ],
    action: { label: "Review your sessions and devices", path: "/account/security" },
    notYou: `${resetAdvice()} Turning on two-factor authentication there keeps a stolen password from being enough.`,
  });
}
