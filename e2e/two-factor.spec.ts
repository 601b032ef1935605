import { Secret, TOTP } from "otpauth";
import { apiUser, fillLogin, signIn, sql, submit } from "./support/accounts";
import { mailedLink } from "./support/links";
import { staffAct } from "./support/staff";
import { expect, test, type APIRequestContext } from "./support/test";

// Issue 20 point 3: after the password, an account with an authenticator is not signed
// in until the code; "Trust this browser for 30 days" skips the step on that browser.

const code = (secret: string, ahead = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: Date.now() + ahead * 30_000 });

async function enrolledUser(request: APIRequestContext) {
  const user = await apiUser(request);
  const login = await request.post("/api/users/login/", { data: { username: user.username, password: user.password } });
  const headers = { authorization: `Token ${(await login.json()).token}` };
  const setup = await (await request.post("/api/users/2fa/totp/setup/", { headers, data: { password: user.password } })).json();
  const confirm = await request.post("/api/users/2fa/totp/confirm/", { headers, data: { code: code(setup.secret) } });
  expect(confirm.status()).toBe(200);
  return { ...user, secret: setup.secret as string, recoveryCodes: (await confirm.json()).recovery_codes as string[] };
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "enabled" : "disabled"}`, () => {
    test.use({ javaScriptEnabled });

    test("/account/security: set up an authenticator app, recovery codes once, new codes, turn it off", async ({ page, request }) => {
      const user = await apiUser(request);
      await signIn(page, user.username, user.password);
      await page.goto("/account/security");
      await page.getByLabel("Password to set up the app").fill("Not-the-password-1");
      await submit(page, "Set up an authenticator app");
      await expect(page.getByText("The password is incorrect.")).toBeVisible();

      await page.getByLabel("Password to set up the app").fill(user.password);
      await submit(page, "Set up an authenticator app");
      await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
      const secret = (await page.getByLabel("Secret key").textContent())!.trim();
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await page.getByLabel("Code from the app").fill(code(secret));
      await submit(page, "Turn on");
      await expect(page.getByText("Two-factor authentication is on.")).toBeVisible();
      const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
      await expect(codes).toHaveCount(10);
      const firstCode = (await codes.first().textContent())!.trim();
      await expect(page.getByRole("link", { name: "Download the recovery codes (.txt)" })).toHaveAttribute("download", "zporta-recovery-codes.txt");

      // Shown once: a reload shows the status, not the codes.
      await page.reload();
      await expect(page.getByText("Recovery codes left: 10.")).toBeVisible();
      await expect(page.getByRole("list", { name: "Recovery codes" })).toHaveCount(0);

      await page.getByLabel("Code to make new recovery codes").fill(firstCode);
      await submit(page, "Make new recovery codes");
      await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);

      await page.reload();
      await page.getByLabel("Password to turn off").fill(user.password);
      await page.getByLabel("Code to turn off").fill(code(secret, 1));
      await submit(page, "Turn off two-factor authentication");
      await expect(page.getByText("Two-factor authentication is off.")).toBeVisible();
    });

    test("password, then the authentication code; a trusted browser skips the code next time", async ({ page, request, browser }) => {
      const user = await enrolledUser(request);
      await page.goto("/login?next=/account/security");
      await fillLogin(page, user.username, user.password);
      await expect(page).toHaveURL(/\/login\/two-factor\?next=%2Faccount%2Fsecurity$/);
      // Not signed in yet.
      expect((await page.request.get("/api/users/profile/")).status()).toBe(401);

      await page.getByLabel("Authentication code").fill("000000" === code(user.secret, 1) ? "111111" : "000000");
      await submit(page, "Verify");
      await expect(page.getByText("Invalid code.")).toBeVisible();

      await page.getByLabel("Authentication code").fill(code(user.secret, 1));
      await page.getByLabel("Trust this browser for 30 days").check();
      await submit(page, "Verify");
      await expect(page).toHaveURL(/\/account\/security$/);
      expect((await page.request.get("/api/users/profile/")).status()).toBe(200);

      // Signed out, then in again on the trusted browser: no code asked.
      await page.context().clearCookies({ name: "next-auth.session-token" });
      await page.goto("/login");
      await fillLogin(page, user.username, user.password);
      await expect(page).toHaveURL(/\/account$/);

      // Another browser is asked; a recovery code works there.
      const other = await browser.newContext({ javaScriptEnabled, baseURL: test.info().project.use.baseURL });
      const second = await other.newPage();
      await second.goto("/login");
      await fillLogin(second, user.username, user.password);
      await expect(second).toHaveURL(/\/login\/two-factor/);
      await second.getByLabel("Authentication code").fill(user.recoveryCodes[0]);
      await submit(second, "Verify");
      await expect(second).toHaveURL(/\/account$/);
      await other.close();

      // Only the first browser is trusted, by one row bound to the account.
      expect((await sql(`SELECT count(*)::int AS n FROM "TrustedBrowser" WHERE "userId" = (SELECT id FROM "User" WHERE username = $1)`, [user.username])).rows[0].n).toBe(1);
    });
  });
}

test("an emailed sign-in link is the first step only: the code follows (without JavaScript)", async ({ browser, request }) => {
  const user = await enrolledUser(request);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/magic-link");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await submit(page, "Send sign-in link");
  const link = await mailedLink(user.email, "magic_link.requested");
  await page.goto(link);
  await submit(page, "Sign in", { exact: true });
  await expect(page).toHaveURL(/\/login\/two-factor\?next=%2Faccount$/);
  expect((await page.request.get("/api/users/profile/")).status()).toBe(401);
  await page.getByLabel("Authentication code").fill(code(user.secret, 1));
  await submit(page, "Verify");
  await expect(page).toHaveURL(/\/account$/);
  await context.close();
});

test("staff reset a member's two-factor authentication from the member's page, with a reason", async ({ page, request }) => {
  const member = await enrolledUser(request);
  const staff = await apiUser(request);
  await sql(`UPDATE "User" SET "isStaff" = true WHERE username = $1`, [staff.username]);
  await signIn(page, staff.username, staff.password);
  const { rows } = await sql(`SELECT id FROM "User" WHERE username = $1`, [member.username]);
  await page.goto(`/admin/users/${rows[0].id}`);
  const twoFactor = page.locator("dl.details dt", { hasText: "Two-factor" }).locator("xpath=following-sibling::dd[1]");
  await expect(twoFactor).toHaveText("authenticator app (10 recovery codes left)");
  await staffAct(page, "Reset two-factor authentication", "Lost phone; identity checked by video call", { confirm: true });
  await expect(page.getByRole("status").filter({ hasText: "two-factor authentication was reset" })).toBeVisible();
  await page.reload();
  await expect(twoFactor).toHaveText("Off");
  const login = await request.post("/api/users/login/", { data: { username: member.username, password: member.password } });
  expect(login.status()).toBe(200);
});
