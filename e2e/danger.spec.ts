import { expect, test, type Browser } from "./support/test";
import { apiUser, PASSWORD, signIn, sql } from "./support/accounts";

// Issue 21 point 4: on the member's own security page, deactivate, delete and "sign out
// everywhere else" are red and ask first, with and without JavaScript, and each ends on
// a sentence that says what happened.

const RED = "rgb(180, 35, 24)";

async function signedIn(browser: Browser, user: { username: string }, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, user.username, PASSWORD);
  return { context, page };
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test("deactivate asks first, then ends on a page that says so", async ({ browser, request }) => {
      const user = await apiUser(request);
      const { context, page } = await signedIn(browser, user, javaScriptEnabled);
      await page.goto("/account/security");
      const yes = page.getByRole("button", { name: "Yes, deactivate my account" });
      await expect(yes).toBeHidden();
      const opener = page.getByText("Deactivate account…");
      expect(await opener.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(RED);
      await opener.click();
      await expect(yes).toBeVisible();
      await yes.click();
      await expect(page).toHaveURL(/\/\?deactivated=1$/);
      await expect(page.getByRole("status")).toHaveText(
        "Your account has been deactivated and you have been signed out. Sign in again at any time to reactivate it.",
      );
      const { rows } = await sql(`SELECT "isActive" FROM "User" WHERE username = $1`, [user.username]);
      expect(rows[0].isActive).toBe(false);
      await context.close();
    });

    test("sign out everywhere else asks first and says how many were signed out", async ({ browser, request }) => {
      const user = await apiUser(request);
      const other = await signedIn(browser, user);
      const { context, page } = await signedIn(browser, user, javaScriptEnabled);
      await page.goto("/account/security");
      const yes = page.getByRole("button", { name: "Yes, sign out everywhere else" });
      await expect(yes).toBeHidden();
      await page.getByText("Sign out everywhere else…").click();
      expect(await yes.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(RED);
      await yes.click();
      await expect(page.getByRole("status").filter({ hasText: "Signed out of" })).toHaveText("Signed out of 1 other session.");
      await other.page.goto("/account");
      await expect(other.page).toHaveURL(/\/login\?next=%2Faccount$/);
      await context.close();
      await other.context.close();
    });

    test("delete needs the username typed and the password, then says the account is gone", async ({ browser, request }) => {
      const user = await apiUser(request);
      const { context, page } = await signedIn(browser, user, javaScriptEnabled);
      await page.goto("/account/security");
      await page.getByText("Delete account…").click();
      const typed = page.getByLabel(`Type your username, ${user.username}, to confirm`);
      await page.getByLabel("Your password").fill(PASSWORD);
      await page.getByRole("button", { name: "Delete my account" }).click();
      await expect(page.locator("#confirm_username-error")).toHaveText("Type your username exactly as shown to confirm.");
      expect((await sql(`SELECT 1 FROM "User" WHERE username = $1`, [user.username])).rowCount).toBe(1);
      await typed.fill(user.username);
      await page.getByLabel("Your password").fill(PASSWORD);
      await page.getByRole("button", { name: "Delete my account" }).click();
      await expect(page).toHaveURL(/\/\?deleted=1$/);
      await expect(page.getByRole("status")).toHaveText("Your account has been deleted. We have emailed you a confirmation.");
      expect((await sql(`SELECT 1 FROM "User" WHERE username = $1`, [user.username])).rowCount).toBe(0);
      await context.close();
    });
  });
}
