import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Locale } from "../../lib/i18n/config";
import { translator } from "../../lib/i18n/translator";
import { renderEmailHtml, textLocale } from "../../lib/mail/html";
import {
  accountDeactivatedEmail,
  accountDeletedEmail,
  guideApplicationDecidedEmail,
  newSignInEmail,
  passwordChangedEmail,
} from "../../lib/mail/notices";
import { queueVerificationEmail } from "../../lib/email-verification/send";
import { submitGuideApplication } from "../../lib/guide-applications/submit";
import { sendInvitation } from "../../lib/invitations/send";
import { requestMagicLink } from "../../lib/magic-link/request";
import type { EmailMessage } from "../../lib/outbox/enqueue";
import { fullText } from "../../lib/outbox/secret-text";
import { queueResetEmail } from "../../lib/password-reset/request";
import { afterTwoFactorChange } from "../../lib/two-factor/notify";
import { proveMailbox } from "../../lib/users/prove-mailbox";
import { testContext } from "../support/context";
import { testDb, uniq } from "../support/helpers";
import { makeUser, type TestUser } from "../support/teach";

// Issue 23: every email in the recipient's language (their Profile.locale; an invitation in
// the inviter's), the HTML part's own words following the text, links intact.

beforeAll(() => {
  process.env.DATABASE_URL = inject("databaseUrl");
});

const LOCALES: Locale[] = ["en", "ja"];

async function member(locale: Locale, opts: Parameters<typeof makeUser>[1] = {}): Promise<TestUser> {
  const db = testDb();
  const user = await makeUser(db, opts);
  await db.profile.update({ where: { userId: user.id }, data: { locale } });
  return user;
}

async function lastMail(to: string, kind: string): Promise<EmailMessage> {
  const row = await testDb().outbox.findFirst({ where: { to, kind }, orderBy: { id: "desc" } });
  if (!row) throw new Error(`no ${kind} mail to ${to}`);
  return { kind: row.kind, to: row.to, subject: row.subject, text: fullText(row) };
}

/**
 * English left in a Japanese mail: three English words in a row, once the URLs, the site's
 * name and the names the mail quotes (usernames, addresses) are taken out.
 */
function englishRuns(text: string, names: string[]): string[] {
  let rest = text.replace(/https?:\/\/\S+/g, " ").replaceAll("Zporta Academy", " ");
  for (const n of names) rest = rest.replaceAll(n, " ");
  return rest.match(/[A-Za-z]+[ ,.:]+[A-Za-z]+[ ,.:]+[A-Za-z]+/g) ?? [];
}

/** Subject, text and HTML speak `locale`, say `sentences`, and keep every link of the text. */
function expectMail(mail: EmailMessage, locale: Locale, sentences: string[], names: string[]) {
  const html = renderEmailHtml(mail.subject, mail.text);
  for (const s of sentences) expect(mail.subject + "\n" + mail.text, s).toContain(s);
  expect(html).toContain(`<html lang="${locale}">`);
  expect(textLocale(mail.text)).toBe(locale);
  for (const url of mail.text.match(/https?:\/\/[^\s<>"']+/g) ?? []) expect(html).toContain(`href="${url.replace(/[.,;:)]+$/, "").replace(/&/g, "&amp;")}"`);
  if (locale === "ja") {
    expect(englishRuns(mail.subject, names), "English in the ja subject").toEqual([]);
    expect(englishRuns(mail.text, names), "English in the ja text").toEqual([]);
    expect(html).toContain(translator("ja")("mail.html.footer", { site: "Zporta Academy" }));
    expect(html).not.toContain("We never ask for your password");
  } else {
    expect(html).toContain("We never ask for your password by email.");
  }
}

describe.each(LOCALES)("emails in %s", (locale) => {
  const t = translator(locale);
  const to = (u: TestUser) => ({ username: u.username, email: u.email, locale });

  it("the notices (guide decisions with a staff note, password, deactivation, deletion, new sign-in)", async () => {
    const u = await member(locale);
    const names = [u.username, u.email];
    const approved = guideApplicationDecidedEmail(to(u), "approved", "Welcome aboard!");
    expectMail(approved, locale, [t("mail.guideDecision.approvedSubject"), t("mail.guideDecision.approvedBody"), t("mail.staffNote"), "> Welcome aboard!"], [...names, "Welcome aboard!"]);
    expect(approved.text).toContain(`${t("mail.guideDecision.openAccount")}: http`);
    const rejected = guideApplicationDecidedEmail(to(u), "rejected", null);
    expectMail(rejected, locale, [t("mail.guideDecision.rejectedSubject"), t("mail.guideDecision.applyAgain")], names);
    expectMail(passwordChangedEmail(to(u), "changed"), locale, [t("mail.passwordChanged.changedSubject"), t("mail.passwordChanged.changedBody")], names);
    expectMail(passwordChangedEmail(to(u), "reset"), locale, [t("mail.passwordChanged.resetSubject"), t("mail.passwordChanged.resetBody")], names);
    expectMail(accountDeactivatedEmail(to(u)), locale, [t("mail.deactivated.subject"), t("mail.deactivated.comeBack")], names);
    expectMail(accountDeletedEmail(to(u)), locale, [t("mail.deleted.subject"), t("mail.deleted.cannotUndo")], names);
    const signIn = newSignInEmail(to(u), { ip: "203.0.113.9", when: new Date("2026-12-07T01:02:03Z") });
    expectMail(signIn, locale, [t("mail.newSignIn.subject"), "203.0.113.9", "2026-12-07 01:02"], [...names, "UTC"]);
  });

  it("the link emails (reset, verification, sign-in link) and a two-factor change, by the member's saved language", async () => {
    const db = testDb();
    const u = await member(locale);
    const names = [u.username, u.email];
    await db.$transaction((tx) => queueResetEmail(tx, u));
    const reset = await lastMail(u.email, "password_reset.requested");
    expectMail(reset, locale, [t("mail.reset.subject"), t("mail.reset.body"), t("mail.reset.ignore")], names);
    expect(reset.text).toMatch(new RegExp(`${t("mail.reset.choose", { link: "" })}http://\\S+/reset-password-confirm/\\S+`));

    await db.$transaction((tx) => queueVerificationEmail(tx, u));
    const verify = await lastMail(u.email, "email.verification");
    expectMail(verify, locale, [t("mail.verification.subject")], names);
    expect(verify.text).toMatch(/\/verify-email\/\S+\/\S+/);

    await requestMagicLink({ email: u.email }, testContext({ db, ip: `198.51.100.${Math.floor(Math.random() * 200) + 1}` }));
    const magic = await lastMail(u.email, "magic_link.requested");
    expectMail(magic, locale, [t("mail.magicLink.subject")], names);
    expect(magic.text).toMatch(/\/magic-login\/\S+\/\S+/);

    await db.$transaction((tx) => afterTwoFactorChange(tx, "two_factor.passkey_added", u.id));
    const twoFactor = await lastMail(u.email, "two_factor.passkey_added");
    expectMail(twoFactor, locale, [t("mail.twoFactor.passkeyAddedSubject"), t("mail.twoFactor.passkeyAdded")], names);
    expect(twoFactor.text).toContain("/account/security");
  });

  it("the account-claimed email when a mailbox is proven over someone else's password", async () => {
    const db = testDb();
    const u = await member(locale, { emailVerified: false });
    await db.$transaction((tx) => proveMailbox(tx, u.id, "magic_link"));
    const claimed = await lastMail(u.email, "account.claimed_by_mailbox");
    expectMail(claimed, locale, [t("mail.claimed.subject"), t("mail.claimed.later")], [u.username, u.email]);
  });

  it("an invitation in the inviter's language, and a new application in each staff member's", async () => {
    const db = testDb();
    const inviter = await member(locale, { canInviteTeachers: true, role: "guide", prefix: "inviter" });
    const invitee = `${uniq("invitee")}@example.com`;
    await sendInvitation({ inviteeEmail: invitee, personalMessage: "Come teach with us" }, testContext({ actor: { id: inviter.id, isStaff: false }, db }));
    const invitation = await lastMail(invitee, "invitation.sent");
    expectMail(invitation, locale, [t("mail.invitation.subject", { name: inviter.username }), t("mail.invitation.theirMessage"), "> Come teach with us"], [inviter.username, invitee, "Come teach with us", "UTC"]);
    expect(invitation.text).toMatch(new RegExp(`${t("mail.invitation.accept", { link: "" })}http://\\S+/accept-invitation\\?token=\\S+`));

    const staff = await member(locale, { isStaff: true, prefix: "staff" });
    const applicant = await member("en");
    await submitGuideApplication({ motivation: "m", subjectsToTeach: "Maths" }, testContext({ actor: { id: applicant.id, isStaff: false }, db }));
    const rows = await db.outbox.findMany({ where: { to: staff.email, kind: "guide_application.submitted" } });
    const row = rows[rows.length - 1];
    const mail = { kind: row.kind, to: row.to, subject: row.subject, text: fullText(row) };
    expectMail(mail, locale, [t("mail.staffApplication.subject", { applicant: applicant.username }), t("mail.staffApplication.subjects", { subjects: "Maths" })], [applicant.username, "Maths"]);
  });
});

describe("English emails keep their words", () => {
  it("the reset email reads as before the catalogue", async () => {
    const db = testDb();
    const u = await member("en");
    await db.$transaction((tx) => queueResetEmail(tx, u));
    const mail = await lastMail(u.email, "password_reset.requested");
    expect(mail.subject).toBe("Reset your Zporta Academy password");
    expect(mail.text).toMatch(
      new RegExp(
        `^Hello ${u.username},\\n\\nSomeone \\(we hope you\\) asked to reset the password of your Zporta Academy account\\.\\n\\n` +
          `Choose a new password here: http\\S+\\n\\nThe link works once, for \\d+ minutes\\. Resetting signs you out everywhere\\.\\n` +
          `If you did not ask for it, ignore this email: your password stays as it is\\.\\n$`,
      ),
    );
  });

  it("a quoted Japanese note does not turn an English email's HTML Japanese", () => {
    const mail = guideApplicationDecidedEmail({ username: "ana", email: "ana@example.com", locale: "en" }, "approved", "ようこそ。");
    expect(renderEmailHtml(mail.subject, mail.text)).toContain('<html lang="en">');
  });
});
