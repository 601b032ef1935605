import { staffAct } from "./support/staff";
import { expect, test, type Browser, type Page } from "./support/test";
import { apiUser, makeStaff, PASSWORD, signIn, sql, submit, uniq } from "./support/accounts";
import { allowSteps } from "./support/flow";
import { grantInvite, linkFromMailbox } from "./support/invitations";

// The whole invitation flow in the browser: a teacher invites, the invitee opens the
// link from the dev mailbox and signs up there, and staff see it all.

async function signedInPage(browser: Browser, user: { username: string; password: string }, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, user.username, user.password);
  return page;
}

const definition = (page: Page, term: string) => page.locator("dl.details dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");

async function invite(page: Page, email: string, message?: string) {
  await page.getByLabel("Their email").fill(email);
  if (message) await page.getByLabel("Personal message").fill(message);
  await submit(page, "Send invitation");
  await expect(page.getByRole("status")).toHaveText(`Invitation sent to ${email}.`);
}

test("a teacher invites; the invitee signs up from the emailed link and is a guide; staff see it in the invitations and the audit log", async ({ browser, request, baseURL }) => {
  allowSteps(18); // 3 sign-ins, a send, the mailbox, a sign-up, 9 more pages and filters
  const teacher = await apiUser(request);
  await grantInvite(teacher.username);
  const staff = await apiUser(request);
  await makeStaff(staff.username);
  const inviteeEmail = `${uniq("invitee")}@example.com`;

  // The teacher: from their account to /invitations, sends one.
  const teacherPage = await signedInPage(browser, teacher);
  await teacherPage.getByRole("link", { name: "Invite teachers" }).click();
  await expect(teacherPage).toHaveURL(/\/invitations$/);
  await expect(teacherPage.getByText("3 of 3 left this month")).toBeVisible();
  await invite(teacherPage, inviteeEmail, "Come and teach maths with us!\nIt is fun.");
  await expect(teacherPage.getByText("2 of 3 left this month")).toBeVisible();
  await expect(teacherPage.getByLabel("Their email")).toHaveValue("");
  const row = teacherPage.getByRole("row", { name: new RegExp(inviteeEmail) });
  await expect(row).toContainText("Pending");
  await expect(row.getByRole("button", { name: `Cancel the invitation to ${inviteeEmail}` })).toBeVisible();

  // The invitee: the link from the dev mailbox points at this server (PUBLIC_BASE_URL).
  const link = await linkFromMailbox(inviteeEmail);
  expect(link.startsWith(`${baseURL}/accept-invitation?token=`)).toBe(true);
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: `${teacher.username} invited you to teach` })).toBeVisible();
  await expect(invitee.locator("blockquote")).toHaveText("Come and teach maths with us!\nIt is fun.");
  await expect(invitee.getByLabel("Email")).toHaveValue(inviteeEmail);
  await expect(invitee.getByLabel("Email")).not.toBeEditable();
  await expect(invitee.getByRole("link", { name: "Sign in" }).last()).toHaveAttribute("href", /^\/login\?next=%2Faccept-invitation%3Ftoken%3D/);
  const username = uniq("newguide");
  await invitee.getByLabel("Username").fill(username);
  await invitee.getByLabel("Password").fill(PASSWORD);
  await invitee.getByRole("button", { name: "Create account and accept" }).click();
  await expect(invitee).toHaveURL(/\/account\?invitation=accepted$/);
  await expect(invitee.getByRole("status")).toHaveText("You accepted the invitation: you are now a guide on Zporta Academy.");
  await expect(definition(invitee, "Username")).toHaveText(username);
  await expect(definition(invitee, "Email")).toHaveText(inviteeEmail);
  await expect(definition(invitee, "Role")).toHaveText("Explorer and guide");
  await expect(definition(invitee, "Active guide")).toHaveText("Yes");
  // The link is spent.
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "This invitation has already been accepted" })).toBeVisible();

  // The teacher sees it accepted.
  await teacherPage.reload();
  await expect(row).toContainText("Accepted");
  await expect(row).toContainText(`by ${username}`);

  // Staff: the invitation and its history.
  const staffPage = await signedInPage(browser, staff);
  await staffPage.goto("/admin");
  await staffPage.getByRole("navigation", { name: "Staff area" }).getByRole("link", { name: "Invitations" }).click();
  await expect(staffPage).toHaveURL(/\/admin\/invitations$/);
  await staffPage.getByLabel("Invitee email contains").fill(inviteeEmail);
  await staffPage.getByRole("button", { name: "Filter" }).click();
  await expect(staffPage).toHaveURL(/email=/);
  const staffRow = staffPage.getByRole("row", { name: new RegExp(inviteeEmail) });
  await expect(staffRow).toContainText("Accepted");
  await expect(staffRow).toContainText(`account: ${username}`);
  await expect(staffRow).toContainText(teacher.username);
  await staffRow.getByRole("link", { name: `History of the invitation to ${inviteeEmail}` }).click();
  await expect(staffPage).toHaveURL(/\/admin\/audit\?targetType=TeacherInvitation&targetId=\d+$/);
  const audit = staffPage.getByRole("table");
  await expect(audit.getByRole("row", { name: /Accepted a teacher invitation/ })).toContainText(username);
  await expect(audit.getByRole("row", { name: /Sent a teacher invitation/ })).toContainText(teacher.username);
  await expect(audit.getByRole("row", { name: /Sent a teacher invitation/ })).toContainText(inviteeEmail);

  await Promise.all([teacherPage.context().close(), inviteeContext.close(), staffPage.context().close()]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an invitee with an account signs in from the invitation and accepts; another address is told to sign out", async ({ browser, page, request }) => {
    const teacher = await apiUser(request);
    await grantInvite(teacher.username);
    const teacherPage = await signedInPage(browser, teacher, false);
    await teacherPage.goto("/invitations");
    const email = `${uniq("hasaccount")}@example.com`;
    await invite(teacherPage, email);
    const link = await linkFromMailbox(email);
    // The account appears after the invitation (sending refuses an existing account).
    const invitee = await apiUser(request, { email });

    // Signed in as someone else first: the page says so and signs out back to the invitation.
    const other = await apiUser(request);
    await signIn(page, other.username, other.password);
    await page.goto(link);
    await expect(page.getByText(`but this invitation was sent to ${email}`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Accept the invitation" })).toHaveCount(0);
    await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(link);
    await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();

    // "I already have an account": sign in, come back, accept.
    await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.getByLabel("Username or email").fill(email.toUpperCase());
    await page.getByLabel("Password").fill(invitee.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(link);
    await page.getByRole("button", { name: "Accept the invitation" }).click();
    await expect(page).toHaveURL(/\/account\?invitation=accepted$/);
    await expect(definition(page, "Role")).toHaveText("Explorer and guide");
    await expect(definition(page, "Active guide")).toHaveText("Yes");

    await teacherPage.context().close();
  });

  test("the teacher cancels a pending invitation, and its link then says so; a refused send keeps what was typed", async ({ browser, request }) => {
    const teacher = await apiUser(request);
    await grantInvite(teacher.username);
    const page = await signedInPage(browser, teacher, false);
    await page.goto("/invitations");
    const email = `${uniq("tocancel")}@example.com`;
    await invite(page, email);
    await page.getByRole("button", { name: `Cancel the invitation to ${email}` }).click();
    await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText("Cancelled");
    await expect(page.getByText("2 of 3 left this month")).toBeVisible(); // cancelled ones still count

    // A refusal comes back next to the form with what was typed.
    const existing = await apiUser(request);
    await page.getByLabel("Their email").fill(existing.email);
    await page.getByLabel("Personal message").fill("kept");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.locator("#form-error[role=alert]")).toHaveText("A user with this email already exists.");
    await expect(page.locator("#inviteeEmail-error")).toHaveText("A user with this email already exists.");
    await expect(page.getByLabel("Their email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Their email")).toHaveValue(existing.email);
    await expect(page.getByLabel("Personal message")).toHaveValue("kept");

    const invitee = await browser.newContext({ javaScriptEnabled: false });
    const inviteePage = await invitee.newPage();
    await inviteePage.goto(await linkFromMailbox(email));
    await expect(inviteePage.getByRole("heading", { name: "This invitation was cancelled" })).toBeVisible();
    await Promise.all([page.context().close(), invitee.close()]);
  });
});

test("staff cancel one pending invitation, accept another on behalf of its registered invitee, let a member invite; all show in the audit log", async ({ browser, request }) => {
  allowSteps(16); // 2 sign-ins, 2 sends, 4 staff actions, 6 more pages and filters
  const teacher = await apiUser(request);
  await grantInvite(teacher.username);
  const staff = await apiUser(request);
  await makeStaff(staff.username);
  const teacherPage = await signedInPage(browser, teacher);
  await teacherPage.goto("/invitations");
  const [toCancel, toAccept] = [`${uniq("staffcancel")}@example.com`, `${uniq("onbehalf")}@example.com`];
  await invite(teacherPage, toCancel);
  await invite(teacherPage, toAccept);
  const invitee = await apiUser(request, { email: toAccept });
  // Staff promote only a proven address (issue 11): the invitee confirmed theirs.
  await sql(`UPDATE "User" SET "emailVerifiedAt" = now() WHERE username = $1`, [invitee.username]);

  const page = await signedInPage(browser, staff);
  await page.goto(`/admin/invitations?${new URLSearchParams({ inviter: teacher.username })}`);
  await page.getByRole("button", { name: `Accept the invitation to ${toCancel} on behalf of its registered user` }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No registered user has the email this invitation was sent to." })).toBeVisible();
  await page.getByRole("button", { name: `Cancel the invitation to ${toCancel}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(toCancel) })).toContainText("Cancelled");
  await page.getByRole("button", { name: `Accept the invitation to ${toAccept} on behalf of its registered user` }).click();
  await expect(page.getByRole("row", { name: new RegExp(toAccept) })).toContainText(`account: ${invitee.username}`);

  const { rows } = await sql(`SELECT p."activeGuide" FROM "Profile" p JOIN "User" u ON u.id = p."userId" WHERE u.username = $1`, [invitee.username]);
  expect(rows[0].activeGuide).toBe(true);

  // The member page's grant goes through the same audited domain function, with a reason.
  const member = await apiUser(request);
  const memberId = (await sql(`SELECT id FROM "User" WHERE username = $1`, [member.username])).rows[0].id;
  await page.goto(`/admin/users/${memberId}`);
  await staffAct(page, "Allow inviting", "Heads the language department");
  await expect(page.getByRole("status").filter({ hasText: `${member.username} can now invite teachers.` })).toBeVisible();

  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Staff area" }).getByRole("link", { name: "Audit log" }).click();
  // By username, in other letters' case, as people type it.
  await page.getByLabel("Done by (username)").fill(staff.username.toUpperCase());
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/who=/);
  const audit = page.getByRole("table");
  // In words, with labelled details and the member's name instead of a number.
  await expect(audit.getByRole("row", { name: /Cancelled a teacher invitation/ })).toContainText("By staff");
  await expect(audit.getByRole("row", { name: /Accepted an invitation on someone's behalf/ })).toContainText(staff.username);
  await expect(audit.getByRole("row", { name: /Allowed to invite teachers/ })).toContainText(member.username);
  await expect(audit).not.toContainText("{");
  await expect(audit.getByRole("row")).toHaveCount(4); // header + 3 entries by this staff member
  await Promise.all([teacherPage.context().close(), page.context().close()]);
});

test("/invitations and the invitation page are usable at phone width", async ({ browser, request }) => {
  const teacher = await apiUser(request);
  await grantInvite(teacher.username);
  const page = await signedInPage(browser, teacher);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/invitations");
  const email = `${uniq("phone")}@example.com`;
  await invite(page, email, "A message long enough to wrap on a small screen, with a long word: supercalifragilisticexpialidocious.");
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/invitations-phone.png", fullPage: true });
  const anonymous = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const invitee = await anonymous.newPage();
  await invitee.goto(await linkFromMailbox(email));
  expect(await invitee.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await invitee.screenshot({ path: "test-results/accept-invitation-phone.png", fullPage: true });
  await Promise.all([page.context().close(), anonymous.close()]);
});

test("the staff invitation actions refuse a non-staff inviter who posts them directly, even for their own invitation", async ({ browser, request, baseURL }) => {
  const teacher = await apiUser(request);
  await grantInvite(teacher.username);
  const staff = await apiUser(request);
  await makeStaff(staff.username);
  const teacherPage = await signedInPage(browser, teacher, false);
  await teacherPage.goto("/invitations");
  const email = `${uniq("direct")}@example.com`;
  await invite(teacherPage, email);
  const invitationId = (await sql(`SELECT id FROM "TeacherInvitation" WHERE "inviteeEmail" = $1`, [email])).rows[0].id;

  // The no-JavaScript forms carry each action's id in hidden fields.
  const staffPage = await signedInPage(browser, staff, false);
  await staffPage.goto(`/admin/invitations?inviter=${encodeURIComponent(teacher.username)}`);
  const fieldsOf = (name: string) =>
    staffPage
      .locator("form")
      .filter({ has: staffPage.getByRole("button", { name }) })
      .evaluate((f) => Object.fromEntries(new FormData(f as HTMLFormElement).entries()) as Record<string, string>);
  const cancelFields = await fieldsOf(`Cancel the invitation to ${email}`);
  const acceptFields = await fieldsOf(`Accept the invitation to ${email} on behalf of its registered user`);
  expect(Object.keys(cancelFields).some((k) => k.startsWith("$ACTION"))).toBe(true);
  expect(cancelFields.invitationId).toBe(String(invitationId));

  // The invitee registers, so "accept on behalf" would otherwise succeed.
  const invitee = await apiUser(request, { email });
  await sql(`UPDATE "User" SET "emailVerifiedAt" = now() WHERE username = $1`, [invitee.username]);
  for (const fields of [cancelFields, acceptFields]) {
    const res = await teacherPage.context().request.post("/admin/invitations", { multipart: fields, headers: { origin: baseURL! }, maxRedirects: 0 });
    expect(res.status()).toBeGreaterThanOrEqual(300);
  }
  const { rows } = await sql(`SELECT status FROM "TeacherInvitation" WHERE id = $1`, [invitationId]);
  expect(rows[0].status).toBe("pending");
  await Promise.all([teacherPage.context().close(), staffPage.context().close()]);
});
