import { expect, test } from "./support/test";
import { apiUser, fillLogin, PASSWORD, signIn, uniq } from "./support/accounts";

const header = (page: import("@playwright/test").Page) => page.getByRole("banner");

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "enabled" : "disabled"}`, () => {
    test.use({ javaScriptEnabled });

    test("sign up → signed in → edit bio → sign out → sign in with the email in upper case", async ({ page }) => {
      const username = uniq("flow");
      const email = `${username}@example.com`;
      await page.goto("/signup");
      await page.getByLabel("Username").fill(username);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Create account" }).click();

      if (javaScriptEnabled) {
        // Signed in straight away.
        await expect(page).toHaveURL(/\/account$/);
      } else {
        // Without JavaScript: /login, with a notice and the username filled in.
        await expect(page).toHaveURL(/\/login\?/);
        await expect(page.getByRole("status")).toHaveText("Your account has been created. Sign in to continue.");
        await expect(page.getByLabel("Username or email")).toHaveValue(username);
        await fillLogin(page, username, PASSWORD);
        await expect(page).toHaveURL(/\/account$/);
      }
      await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
      const details = page.getByRole("definition");
      await expect(details.nth(0)).toHaveText(username);
      await expect(details.nth(1)).toHaveText(email);
      await expect(details.nth(2)).toHaveText("Explorer");
      await expect(header(page).getByRole("link", { name: `${username} (your account)` })).toBeVisible();

      await page.getByLabel("Display name").fill("Ada L.");
      await page.getByLabel("Bio").fill("I like maths.\nAnd tea.");
      await page.getByRole("button", { name: "Save profile" }).click();
      await expect(page.getByRole("status")).toHaveText("Your profile was saved.");
      // With JavaScript the focus moves to what happened; without, the page starts at the top.
      if (javaScriptEnabled) await expect(page.getByRole("status")).toBeFocused();
      await expect(page.getByLabel("Bio")).toHaveValue("I like maths.\nAnd tea.");
      await expect(details.nth(3)).toHaveText("Ada L.");

      await header(page).getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/\?signed-out=1$/);
      await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
      await page.goto("/account");
      await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);

      await fillLogin(page, email.toUpperCase(), PASSWORD);
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByLabel("Bio")).toHaveValue("I like maths.\nAnd tea.");
      await expect(page.getByLabel("Display name")).toHaveValue("Ada L.");
    });

    test("a wrong password gives one message that does not say which part was wrong", async ({ page, request }) => {
      const user = await apiUser(request);
      await page.goto("/login");
      await fillLogin(page, user.username, "Not-the-password-1");
      const alert = page.locator("#form-error[role=alert]");
      await expect(alert).toHaveText("Your username or email, or your password, is incorrect.");
      await expect(page.getByLabel("Username or email")).toHaveValue(user.username);
      await expect(page.getByLabel("Password")).toHaveValue("");
      await fillLogin(page, uniq("nobody"), PASSWORD);
      await expect(alert).toHaveText("Your username or email, or your password, is incorrect.");
    });
  });
}

test("the profile form refuses a display name over 60 characters next to the field", async ({ page, request }) => {
  const user = await apiUser(request);
  await signIn(page, user.username, user.password);
  const name = page.getByLabel("Display name");
  // The browser's maxlength would stop a person; the server must refuse too.
  await name.evaluate((el) => el.removeAttribute("maxlength"));
  await name.fill("x".repeat(61));
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.locator("#form-error[role=alert]")).toHaveText("Display name must be at most 60 characters.");
  await expect(page.locator("#displayName-error")).toHaveText("Display name must be at most 60 characters.");
  await expect(page.getByLabel("Display name")).toHaveAttribute("aria-invalid", "true");
});

test("a signed-in person sent to /login goes on to their account; next= only leads within the site", async ({ page, request }) => {
  const user = await apiUser(request);
  await page.goto("/login?next=https%3A%2F%2Fevil.example%2F");
  await fillLogin(page, user.username, user.password);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/login");
  await expect(page).toHaveURL(/\/account$/);
});

test("the header offers sign-out on every page", async ({ page, request }) => {
  const user = await apiUser(request);
  await signIn(page, user.username, user.password);
  for (const path of ["/", "/account", "/signup", "/login?x=1"]) {
    await page.goto(path);
    // /login sends a signed-in person on; wherever they land, the header has the button.
    await expect(header(page).getByRole("button", { name: "Sign out" })).toBeVisible();
  }
});

test("the account page is usable at phone width", async ({ page, request }) => {
  const user = await apiUser(request);
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, user.username, user.password);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/account-phone.png", fullPage: true });
});
