import { Secret, TOTP } from "otpauth";
import { expect, test, type Browser, type Page } from "./support/test";
import { axe } from "./support/axe";
import { apiUser, makeStaff, PASSWORD, signIn, sql, submit, uniq } from "./support/accounts";
import { allowSteps } from "./support/flow";
import { grantInvite, linkFromMailbox } from "./support/invitations";
import { mailedLink } from "./support/links";

// Issue 21 point 7: axe-core on every page and its main states, with 0 violations of any
// impact. Each check names the page state, so a failure says where to look.


async function signedIn(browser: Browser, user: { username: string }, options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, user.username, PASSWORD);
  return { context, page };
}

test("signed out: home, sign-up and sign-in (empty and refused), link requests, 404", async ({ page }) => {
  allowSteps(14);
  for (const path of ["/", "/?deleted=1", "/?deactivated=1", "/?signed-out=1", "/signup", "/login", "/login?created=1&username=x", "/forgot-password", "/magic-link"]) {
    await page.goto(path);
    await axe(page, path);
  }
  await page.goto("/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#form-error")).toBeVisible();
  await axe(page, "/signup with every field refused");
  await page.goto("/login");
  await page.getByLabel("Username or email").fill("nobody-here");
  await page.getByLabel("Password", { exact: true }).fill("wrong-password-1");
  await submit(page, "Sign in", { exact: true });
  await expect(page.locator("#form-error")).toBeVisible();
  await axe(page, "/login refused");
  await page.goto("/forgot-password");
  await submit(page, "Send reset link");
  await axe(page, "/forgot-password refused");
  expect((await page.goto("/no-such-page"))?.status()).toBe(404);
  await axe(page, "404");
});

test("token pages with live and bad links", async ({ page, request }) => {
  allowSteps(16);
  const user = await apiUser(request);
  await page.goto("/forgot-password");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await submit(page, "Send reset link");
  await page.goto(await mailedLink(user.email, "password_reset.requested"));
  await axe(page, "reset-password live link");
  await page.getByLabel("New password", { exact: true }).fill("password123");
  await page.getByLabel("Confirm new password").fill("different123");
  await submit(page, "Set new password");
  await axe(page, "reset-password refused");
  await page.goto("/magic-link");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await submit(page, "Send sign-in link");
  await axe(page, "/magic-link sent");
  await page.goto(await mailedLink(user.email, "magic_link.requested"));
  await axe(page, "magic-login live link");
  const bad = "/AAAA/" + "A".repeat(43) + "/";
  for (const prefix of ["/reset-password-confirm", "/magic-login", "/verify-email"]) {
    await page.goto(prefix + bad);
    await axe(page, `${prefix} bad link`);
  }
  await page.goto("/verify-email/verified");
  await axe(page, "/verify-email/verified");
  await page.goto("/accept-invitation?token=bad");
  await axe(page, "/accept-invitation bad token");
});

test("signed in: home, account, verification link, security page (open confirmations, refused), guide application", async ({ browser, request }) => {
  allowSteps(20);
  const user = await apiUser(request);
  const other = await signedIn(browser, user);
  const { context, page } = await signedIn(browser, user);
  for (const path of ["/", "/account", "/account/security", "/guide-application", "/invitations"]) {
    await page.goto(path);
    await axe(page, path);
  }
  await page.goto("/account");
  await page.getByRole("button", { name: "Resend the verification email" }).click();
  await page.goto(await mailedLink(user.email, "email.verification"));
  await axe(page, "verify-email live link");

  await page.goto("/account/security");
  await page.getByText("Sign out everywhere else…").click();
  await page.getByText("Deactivate account…").click();
  await page.getByText("Delete account…").click();
  await axe(page, "/account/security with every confirmation open");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.locator("#form-error")).toBeVisible();
  await axe(page, "/account/security delete refused");
  await page.getByRole("button", { name: "Change password" }).click();
  await axe(page, "/account/security password refused");
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto("/account/security");
  await axe(page, "/account/security at 320px");

  await page.goto("/guide-application");
  await page.getByRole("button", { name: /Send|Submit|Apply/ }).click();
  await expect(page.locator("#form-error")).toBeVisible();
  await axe(page, "/guide-application refused");
  await page.getByLabel("Why do you want to teach?").fill("I love teaching.");
  await page.getByLabel("Subjects you want to teach").fill("Maths");
  await page.getByRole("button", { name: /Send|Submit|Apply/ }).click();
  await expect(page).toHaveURL(/submitted=1/);
  await axe(page, "/guide-application pending");
  await context.close();
  await other.context.close();
});

test("invitations: member without permission, staff, an inviter with a list, and the invitee's page", async ({ browser, request }) => {
  allowSteps(16);
  const staff = await apiUser(request);
  await makeStaff(staff.username);
  const s = await signedIn(browser, staff);
  await s.page.goto("/invitations");
  await axe(s.page, "/invitations as staff without permission");
  await s.context.close();

  const teacher = await apiUser(request);
  await grantInvite(teacher.username);
  const t = await signedIn(browser, teacher);
  await t.page.goto("/invitations");
  await axe(t.page, "/invitations as an inviter");
  await submit(t.page, "Send invitation");
  await axe(t.page, "/invitations refused");
  const email = `${uniq("invitee")}@example.com`;
  await t.page.getByLabel("Their email").fill(email);
  await submit(t.page, "Send invitation");
  await expect(t.page.getByRole("status")).toHaveText(`Invitation sent to ${email}.`);
  await axe(t.page, "/invitations with a list");
  await t.context.close();

  const invitee = await browser.newContext();
  const page = await invitee.newPage();
  await page.goto(await linkFromMailbox(email));
  await axe(page, "/accept-invitation live");
  await page.getByRole("button", { name: "Create account and accept" }).click();
  await expect(page.locator("#form-error")).toBeVisible();
  await axe(page, "/accept-invitation refused");
  await invitee.close();
});

test("staff pages as staff", async ({ browser, request }) => {
  allowSteps(16);
  const member = await apiUser(request);
  const staff = await apiUser(request);
  await makeStaff(staff.username);
  const { rows } = await sql(`SELECT id FROM "User" WHERE username = $1`, [member.username]);
  const { context, page } = await signedIn(browser, staff);
  for (const path of ["/admin", "/admin/users", `/admin/users/${rows[0].id}`, "/admin/guide-applications", "/admin/invitations", "/admin/outbox", "/admin/audit"]) {
    await page.goto(path);
    await axe(page, path);
  }
  await context.close();
});

test("two-factor pages: the second step (empty and refused), its expired state, the security page with 2FA on", async ({ browser, request }) => {
  allowSteps(14);
  // `ahead` periods from now: a code already used is refused as a replay.
  const code = (secret: string, ahead = 0) =>
    new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: Date.now() + ahead * 30_000 });
  const user = await apiUser(request);
  const login = await request.post("/api/users/login/", { data: { username: user.username, password: user.password } });
  const headers = { authorization: `Token ${(await login.json()).token}` };
  const setup = await (await request.post("/api/users/2fa/totp/setup/", { headers, data: { password: user.password } })).json();
  expect((await request.post("/api/users/2fa/totp/confirm/", { headers, data: { code: code(setup.secret) } })).status()).toBe(200);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login/two-factor");
  await axe(page, "/login/two-factor without a pending step");
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(user.username);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await submit(page, "Sign in", { exact: true });
  await expect(page).toHaveURL(/\/login\/two-factor/);
  await axe(page, "/login/two-factor");
  await page.getByLabel("Authentication code").fill("000000");
  await submit(page, "Verify");
  await expect(page.locator("#form-error")).toBeVisible();
  await expect(page.locator("#form-error")).toBeFocused();
  await axe(page, "/login/two-factor refused");
  await page.getByLabel("Authentication code").fill(code(setup.secret, 1));
  await submit(page, "Verify");
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/security");
  await axe(page, "/account/security with two-factor authentication on");
  await context.close();
});
