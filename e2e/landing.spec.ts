import { apiUser, signIn } from "./support/accounts";
import { expect, test } from "./support/test";

// Issue 21 point 1: what a newcomer hit on the walk (ux-walk-2026-12-06.md, "What is
// broken" 4, 6, 7, 8): endings that say nothing, sign-up offered to members, no favicon,
// Next's bare 404.

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "enabled" : "disabled"}`, () => {
    test.use({ javaScriptEnabled });

    test("a signed-in member gets a home of their own, and /signup sends them to their account", async ({ page, request }) => {
      const user = await apiUser(request);
      await signIn(page, user.username, user.password);
      await page.goto("/");
      await expect(page.getByRole("heading", { name: `Welcome back, ${user.username}` })).toBeVisible();
      await expect(page.getByRole("link", { name: "Create your account" })).toHaveCount(0);
      await page.goto("/signup");
      await expect(page).toHaveURL(/\/account$/);
    });

    test("signing out ends on a sentence that says so", async ({ page, request }) => {
      const user = await apiUser(request);
      await signIn(page, user.username, user.password);
      await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/\?signed-out=1$/);
      await expect(page.getByRole("status")).toHaveText("You have been signed out.");
    });
  });
}

test("/signup offers the way to sign in instead", async ({ page }) => {
  await page.goto("/signup");
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test("the favicon is served, and pages name the icon", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  await page.goto("/");
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect((await request.get(href!)).status()).toBe(200);
});

test("an unknown address gets the site's own 404 page with a way home", async ({ page }) => {
  const res = await page.goto("/no-such-page-here");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Zporta Academy" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
});
