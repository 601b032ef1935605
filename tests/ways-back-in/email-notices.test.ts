import pino from "pino";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { approveGuideApplication } from "../../lib/guide-applications/approve";
import { rejectGuideApplication } from "../../lib/guide-applications/reject";
import { submitGuideApplication } from "../../lib/guide-applications/submit";
import { renderEmailHtml } from "../../lib/mail/html";
import { enqueueEmail } from "../../lib/outbox/enqueue";
import { smtpTransport } from "../../lib/outbox/transport";
import { deliverDueEmails } from "../../lib/outbox/worker";
import { changePassword } from "../../lib/users/change-password";
import { deactivateOwnAccount } from "../../lib/users/deactivate-self";
import { deleteOwnAccount } from "../../lib/users/delete-account";
import { authenticateCredentials } from "../../lib/auth/sign-in/authenticate";
import { apiSignedIn, registeredUser } from "../support/auth";
import { mailedLink } from "../support/links";
import { http, testDb } from "../support/helpers";
import { startTestSmtp } from "../support/smtp";
import { makeUser } from "../support/teach";
import { testContext } from "../support/context";

// Issue 21 point 2: every loop closed by email, HTML with a plain-text part, one layout.

const quiet = pino({ level: "silent" });
beforeAll(() => {
  process.env.DATABASE_URL = inject("databaseUrl");
});

async function noticesTo(email: string, kind: string) {
  return testDb().outbox.findMany({ where: { to: email, kind }, orderBy: { id: "asc" } });
}

describe("the HTML part derived from the text", () => {
  it("draws the first `Label: URL` line as the one button and keeps the other URLs as links", () => {
    const html = renderEmailHtml(
      "Subject",
      "Hello ana,\n\nChoose a new password here: https://ex.test/reset/1/abc\n\nHelp: https://ex.test/help\n",
    );
    expect(html).toContain('<a href="https://ex.test/reset/1/abc" style="display:inline-block');
    expect(html).toContain(">Choose a new password here</a>");
    expect(html.match(/display:inline-block;padding/g)).toHaveLength(1);
    expect(html).toContain('<a href="https://ex.test/help"');
    expect(html).toContain('<html lang="en">');
  });

  it("escapes whatever a member typed (a staff note, a name) and quotes `> ` lines", () => {
    const html = renderEmailHtml("<b>x</b>", 'Hello <script>alert(1)</script>,\n\n> "note" & <img src=x onerror=1>\n');
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("<blockquote");
    expect(html).toContain("&quot;note&quot; &amp; &lt;img");
    expect(html).toContain("<title>&lt;b&gt;x&lt;/b&gt;</title>");
  });

  it("goes out over SMTP as multipart/alternative: the text part and the branded HTML part", async () => {
    const smtp = await startTestSmtp();
    const to = `html-${Date.now()}@example.com`;
    try {
      // Straight through the transport the outbox uses: a row queued in the shared test
      // database could be claimed by another file's server and sent to its own SMTP.
      const transport = smtpTransport(smtp.url);
      try {
        await transport.send({ id: 1, kind: "test.html", to, subject: "HTML test", text: "Hello,\n\nOpen it: https://ex.test/a\n" });
      } finally {
        transport.close();
      }
      const mail = smtp.received.find((m) => m.to.includes(to))!;
      expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/i);
      expect(mail.raw).toMatch(/Content-Type: text\/plain/i);
      expect(mail.raw).toMatch(/Content-Type: text\/html/i);
      expect(mail.body).toContain("Zporta Academy");
    } finally {
      await smtp.stop();
    }
  });
});

describe("emails that close a loop", () => {
  it("approving a guide application tells the applicant, with the staff note", async () => {
    const db = testDb();
    const [user, staff] = [await makeUser(db), await makeUser(db, { isStaff: true })];
    const app = await submitGuideApplication({ motivation: "m", experience: "e", subjectsToTeach: "Maths" }, testContext({ actor: user, db }));
    await approveGuideApplication({ applicationId: app.id, adminNotes: "Welcome aboard!" }, testContext({ actor: staff, db }));
    const [mail] = await noticesTo(user.email, "guide_application.approved.notice");
    expect(mail.subject).toBe("Your guide application was approved");
    expect(mail.text).toContain(`Hello ${user.username},`);
    expect(mail.text).toContain("> Welcome aboard!");
    expect(mail.text).toMatch(/Open your account: https?:\/\/\S+\/account\n/);
    expect(mail.text).toContain("Not you?");
  });

  it("rejecting one tells the applicant too, and says they may apply again", async () => {
    const db = testDb();
    const [user, staff] = [await makeUser(db), await makeUser(db, { isStaff: true })];
    const app = await submitGuideApplication({ motivation: "m", experience: "e", subjectsToTeach: "Maths" }, testContext({ actor: user, db }));
    await rejectGuideApplication({ applicationId: app.id, adminNotes: "More detail, please." }, testContext({ actor: staff, db }));
    const [mail] = await noticesTo(user.email, "guide_application.rejected.notice");
    expect(mail.subject).toBe("Your guide application was not approved");
    expect(mail.text).toContain("> More detail, please.");
    expect(mail.text).toContain("You can apply again");
  });

  it("a refused decision (already decided) sends nothing more", async () => {
    const db = testDb();
    const [user, staff] = [await makeUser(db), await makeUser(db, { isStaff: true })];
    const app = await submitGuideApplication({ motivation: "m", experience: "e", subjectsToTeach: "Maths" }, testContext({ actor: user, db }));
    await approveGuideApplication({ applicationId: app.id }, testContext({ actor: staff, db }));
    await expect(rejectGuideApplication({ applicationId: app.id }, testContext({ actor: staff, db }))).rejects.toThrow();
    expect(await noticesTo(user.email, "guide_application.rejected.notice")).toHaveLength(0);
    expect(await noticesTo(user.email, "guide_application.approved.notice")).toHaveLength(1);
  });

  it("a password change, a deactivation and a deletion each email the owner what happened and what to do if it was not them", async () => {
    const db = testDb();
    const user = await apiSignedIn();
    const NEW = "Fresh-Garden-42";
    await changePassword({ current_password: user.password, new_password: NEW, confirm_new_password: NEW }, testContext({ actor: { id: user.id, isStaff: false }, db, ip: "10.77.0.1", log: quiet }));
    const [changed] = await noticesTo(user.email, "password.changed.notice");
    expect(changed.subject).toBe("Your Zporta Academy password was changed");
    expect(changed.text).toMatch(/Not you\? Reset your password now at https?:\/\/\S+\/forgot-password/);

    await deactivateOwnAccount({}, testContext({ actor: { id: user.id, isStaff: false }, db, log: quiet }));
    const [deactivated] = await noticesTo(user.email, "account.deactivated.notice");
    expect(deactivated.subject).toBe("Your Zporta Academy account was deactivated");
    expect(deactivated.text).toContain("sign in again");

    const other = await apiSignedIn();
    await deleteOwnAccount({}, testContext({ actor: { id: other.id, isStaff: false }, db }));
    const [deleted] = await noticesTo(other.email, "account.deleted.notice");
    expect(deleted.subject).toBe("Your Zporta Academy account was deleted");
    expect(deleted.text).not.toContain("http"); // nothing left to link to
  });

  it("a wrong current password changes nothing and sends nothing", async () => {
    const db = testDb();
    const user = await apiSignedIn();
    await expect(
      changePassword({ current_password: "wrong-one-1", new_password: "Fresh-Garden-42", confirm_new_password: "Fresh-Garden-42" }, testContext({ actor: { id: user.id, isStaff: false }, db, ip: "10.77.0.2", log: quiet })),
    ).rejects.toThrow();
    expect(await noticesTo(user.email, "password.changed.notice")).toHaveLength(0);
  });
});

describe("emails about sign-ins and resets", () => {
  it("a sign-in from an address and browser the account has not used lately tells the owner; a familiar one, or the very first sign-in, does not", async () => {
    const db = testDb();
    const user = await registeredUser();
    const signIn = (ip: string) => authenticateCredentials({ username: user.username, password: user.password }, { db, ip, via: "api", log: quiet });
    await signIn("10.78.0.1"); // the first sign-in of a new account: the owner setting up
    await signIn("10.78.0.1"); // the same address again
    expect(await noticesTo(user.email, "login.new_device.notice")).toHaveLength(0);
    await signIn("10.79.0.1");
    const [mail] = await noticesTo(user.email, "login.new_device.notice");
    expect(mail.subject).toBe("New sign-in to your Zporta Academy account");
    expect(mail.text).toContain("address 10.79.0.1");
    expect(mail.text).toMatch(/Review your sessions and devices: https?:\/\/\S+\/account\/security\n/);
    expect(mail.text).toContain("Not you?");
    await signIn("10.79.0.1"); // now familiar
    expect(await noticesTo(user.email, "login.new_device.notice")).toHaveLength(1);
  });

  it("a password reset with the emailed link tells the owner it happened", async () => {
    const db = testDb();
    const user = await registeredUser();
    expect((await http("/api/users/password-reset/", { body: { email: user.email } })).status).toBe(200);
    const link = await mailedLink(db, user.email, "password_reset.requested");
    const done = await http("/api/users/password-reset/confirm/", { body: { uid: link.uid, token: link.token, new_password: "Fresh-Garden-42" } });
    expect(done.status, done.text).toBe(200);
    const [mail] = await noticesTo(user.email, "password.reset.notice");
    expect(mail.subject).toBe("Your Zporta Academy password was reset");
    expect(mail.text).toContain("Every session was signed out.");
  });
});

