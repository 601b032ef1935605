import { expect, test, type Browser } from "./support/test";
import { apiUser, fillLogin, PASSWORD, signIn } from "./support/accounts";

// Issue 10: sessions a person can see and end; change password with and without JavaScript.

async function signedInContext(browser: Browser, user: { username: string; password: string }, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, user.username, user.password);
  return { context, page };
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "enabled" : "disabled"}`, () => {
    test.use({ javaScriptEnabled });

    test("two browsers: both listed on /account/security; ending the other signs it out on its next request", async ({ browser, request }) => {
      const user = await apiUser(request);
      const a = await signedInContext(browser, user, javaScriptEnabled);
      const b = await signedInContext(browser, user, javaScriptEnabled);

      await a.page.goto("/account/security");
      const rows = a.page.locator("tr[data-device]");
      await expect(rows).toHaveCount(2);
      await expect(rows.filter({ hasText: "(this device)" })).toHaveCount(1);
      const other = rows.filter({ hasNotText: "(this device)" });
      await other.getByRole("button", { name: /^Sign out/ }).click();
      await expect(rows).toHaveCount(1);

      await b.page.goto("/account");
      await expect(b.page).toHaveURL(/\/login\?next=%2Faccount$/);
      await a.page.goto("/account");
      await expect(a.page).toHaveURL(/\/account$/);
      await a.context.close();
      await b.context.close();
    });

    test("change password: the form works, other sessions end, the new password signs in", async ({ browser, request }) => {
      const user = await apiUser(request);
      const other = await signedInContext(browser, user, javaScriptEnabled);
      const { context, page } = await signedInContext(browser, user, javaScriptEnabled);
      await page.goto("/account/security");

      await page.getByLabel("Current password").fill("Not-the-password-1");
      await page.getByLabel("New password", { exact: true }).fill("Fresh-Garden-42");
      await page.getByLabel("Confirm new password").fill("Fresh-Garden-42");
      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page.locator("#current_password-error")).toHaveText("Current password is incorrect.");

      await page.getByLabel("Current password").fill(PASSWORD);
      await page.getByLabel("New password", { exact: true }).fill("Fresh-Garden-42");
      await page.getByLabel("Confirm new password").fill("Fresh-Garden-42");
      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Your password was changed." })).toHaveText(
        "Your password was changed. Signed out of 1 other session.",
      );
      if (javaScriptEnabled) await expect(page.getByRole("status").filter({ hasText: "Your password was changed." })).toBeFocused();

      await other.page.goto("/account");
      await expect(other.page).toHaveURL(/\/login\?next=%2Faccount$/);
      await fillLogin(other.page, user.username, PASSWORD);
      await expect(other.page.locator("#form-error[role=alert]")).toBeVisible();
      await fillLogin(other.page, user.username, "Fresh-Garden-42");
      await expect(other.page).toHaveURL(/\/account$/);
      await context.close();
      await other.context.close();
    });
  });
}

test("a cookie copied before the header's Sign out is dead afterwards", async ({ browser, request }) => {
  const user = await apiUser(request);
  const { context, page } = await signedInContext(browser, user);
  const copied = (await context.cookies()).filter((c) => c.name.endsWith("next-auth.session-token"));
  expect(copied).toHaveLength(1);
  // The /login page's sign-in also gave this browser its device cookie (lib/auth/credentials/device-cookie.ts).
  expect((await context.cookies()).filter((c) => c.name === "zporta-device" && c.httpOnly && /^[A-Za-z0-9_-]{43}$/.test(c.value))).toHaveLength(1);
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/\?signed-out=1$/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/account");
  await expect(stolen).toHaveURL(/\/login\?next=%2Faccount$/);
  // The same replay on the JSON API and next-auth's session route (issue 18 point 3).
  const cookie = copied.map((c) => `${c.name}=${c.value}`).join("; ");
  expect((await request.get("/api/users/profile/", { headers: { cookie } })).status()).toBe(401);
  expect(await (await request.get("/api/auth/session", { headers: { cookie } })).json()).toEqual({});
  await context.close();
  await thief.close();
});

test("delete an account (password asked first), then sign up again with the same email", async ({ browser, request }) => {
  const user = await apiUser(request);
  const { context, page } = await signedInContext(browser, user);
  await page.goto("/account/security");
  // The first press only asks; the button itself is red.
  await page.getByText("Delete account…").click();
  const confirm = page.getByRole("button", { name: "Delete my account" });
  expect(await confirm.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe("rgb(180, 35, 24)");
  await page.getByLabel(`Type your username, ${user.username}, to confirm`).fill(user.username);
  await page.getByLabel("Your password").fill("Not-the-password-1");
  await confirm.click();
  await expect(page.locator("#form-error[role=alert]")).toHaveText("Password is incorrect.");
  await expect(page.locator("#form-error")).toBeFocused();
  // A wrong username with the right password refuses too, and deletes nothing.
  await page.getByLabel(`Type your username, ${user.username}, to confirm`).fill("someone-else");
  await page.getByLabel("Your password").fill(PASSWORD);
  await confirm.click();
  await expect(page.locator("#confirm_username-error")).toHaveText("Type your username exactly as shown to confirm.");
  await page.getByLabel(`Type your username, ${user.username}, to confirm`).fill(user.username);
  await page.getByLabel("Your password").fill(PASSWORD);
  await confirm.click();
  await expect(page).toHaveURL(/\/\?deleted=1$/);
  await expect(page.getByRole("status")).toHaveText("Your account has been deleted. We have emailed you a confirmation.");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);

  const again = await request.post("/api/users/register/", { data: { username: user.username, email: user.email, password: PASSWORD } });
  expect(again.status()).toBe(201);
  await context.close();
});

test.describe("JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("signing in to a self-deactivated account reactivates it and says so", async ({ page, request }) => {
    const user = await apiUser(request);
    const login = await request.post("/api/users/login/", { data: { username: user.username, password: user.password } });
    const { token } = (await login.json()) as { token: string };
    const closed = await request.post("/api/users/deactivate/", { headers: { Authorization: `Token ${token}` }, data: {} });
    expect(closed.status()).toBe(200);

    await page.goto("/login");
    await fillLogin(page, user.username, user.password);
    await expect(page).toHaveURL(/\/account\?reactivated=1$/);
    await expect(page.getByRole("status")).toHaveText("Welcome back: your account has been reactivated.");
    // An ordinary sign-in says nothing of the kind.
    await page.context().clearCookies();
    await signIn(page, user.username, user.password);
    await expect(page.getByText("Welcome back")).toHaveCount(0);
  });
});
