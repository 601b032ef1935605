import { expect, test, type Page } from "./support/test";
import { apiUser, makeStaff, PASSWORD, signIn } from "./support/accounts";

// Issue 21 point 6: no member-facing page scrolls sideways at 320 px, signed out or in
// (a long username included: it is in the header on every page).

async function overflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test.use({ viewport: { width: 320, height: 640 } });

test("signed out, at 320 px", async ({ page }) => {
  for (const path of ["/", "/signup", "/login", "/forgot-password", "/magic-link", "/no-such-page", "/verify-email/verified", "/accept-invitation?token=bad", "/change-email/undo/x/y/", "/change-email/undone"]) {
    await page.goto(path);
    expect(await overflow(page), path).toBeLessThanOrEqual(0);
  }
  await page.goto("/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#form-error")).toBeVisible();
  expect(await overflow(page), "/signup with errors").toBeLessThanOrEqual(0);
});

test("signed in as staff with a long username, at 320 px", async ({ page, request }) => {
  const user = await apiUser(request, { username: `a_rather_long_username_${Date.now()}` });
  await makeStaff(user.username);
  await signIn(page, user.username, PASSWORD);
  for (const path of ["/", "/account", "/account/security", "/guide-application", "/invitations"]) {
    await page.goto(path);
    expect(await overflow(page), path).toBeLessThanOrEqual(0);
  }
  await page.goto("/account/security");
  await page.getByText("Delete account…").click();
  await page.getByText("Deactivate account…").click();
  expect(await overflow(page), "/account/security, confirmations open").toBeLessThanOrEqual(0);
});
