import type { Request } from "@playwright/test";
import { expect, test } from "./support/test";
import { apiUser, fillLogin, PASSWORD, signIn, submit } from "./support/accounts";
import { mailedLink } from "./support/links";

// Issue 11 in the browser: a forgotten password, a magic link and proving an email, with
// and without JavaScript, reading the emailed links from the test mailbox.

const NEW = "Fresh-Garden-42";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "enabled" : "disabled"}`, () => {
    test.use({ javaScriptEnabled });

    test("forgot password: from /login to a reset link, a refused password keeps the link, the new one signs in", async ({ page }) => {
      const user = await apiUser(page.request);
      await page.goto("/login");
      await page.getByRole("link", { name: "Forgot your password?" }).click();
      await expect(page).toHaveURL(/\/forgot-password$/);
      await page.getByLabel("Email", { exact: true }).fill(user.email);
      await submit(page, "Send reset link");
      await expect(page.getByRole("status")).toHaveText("If an account exists for this email, a password reset link has been sent.");
      await expect(page.getByLabel("Email", { exact: true })).toHaveValue(user.email);

      const link = await mailedLink(user.email, "password_reset.requested");
      await page.goto(link);
      await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
      await page.getByLabel("New password", { exact: true }).fill("password123");
      await page.getByLabel("Confirm new password").fill("password123");
      await submit(page, "Set new password");
      await expect(page.getByRole("alert").filter({ hasText: "This password is too common." })).toBeVisible();
      await expect(page.getByLabel("New password", { exact: true })).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel("New password", { exact: true })).toHaveValue("");

      await page.getByLabel("New password", { exact: true }).fill(NEW);
      await page.getByLabel("Confirm new password").fill(NEW);
      await page.getByRole("button", { name: "Set new password" }).click();
      await expect(page).toHaveURL(/\/login\?reset=1$/);
      await expect(page.getByRole("status")).toHaveText("Your password has been reset. Sign in with your new password.");
      await fillLogin(page, user.username, NEW);
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.locator("dl.details dt", { hasText: "Address verified" }).locator("xpath=following-sibling::dd[1]")).toHaveText("Yes");

      // The link is spent.
      await page.goto(link);
      await expect(page.getByRole("alert").filter({ hasText: "Invalid or expired password reset link." })).toBeVisible();
    });

    test("magic link: /login offers it; the emailed link's button signs in", async ({ page }) => {
      const user = await apiUser(page.request);
      await page.goto("/login");
      await page.getByRole("link", { name: "Email me a sign-in link" }).click();
      // Exact: until the navigation lands, /login's "Username or email" would match too.
      await expect(page).toHaveURL(/\/magic-link$/);
      await page.getByLabel("Email", { exact: true }).fill(user.email);
      await submit(page, "Send sign-in link");
      await expect(page.getByRole("status")).toHaveText("If an account with that email exists, a sign-in link has been sent.");
      const link = await mailedLink(user.email, "magic_link.requested");
      await page.goto(link);
      await expect(page.getByRole("heading", { name: `Sign in as ${user.username}` })).toBeVisible();
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.locator("dl.details dt", { hasText: "Username" }).locator("xpath=following-sibling::dd[1]")).toHaveText(user.username);
    });
  });
}

test("a new member sees the unverified notice, resends, confirms through the emailed link, and the notice is gone", async ({ page }) => {
  const user = await apiUser(page.request);
  await signIn(page, user.username, PASSWORD);
  const notice = page.getByRole("region", { name: "Email not verified" });
  await expect(notice).toContainText("Your email address is not verified yet.");
  await notice.getByRole("button", { name: "Resend the verification email" }).click();
  await expect(notice.getByRole("status")).toHaveText("We sent a new verification link to your email address.");
  const link = await mailedLink(user.email, "email.verification");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("status")).toHaveText("Thank you: your email address is verified.");
  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Email not verified" })).toHaveCount(0);
  await expect(page.locator("dl.details dt", { hasText: "Address verified" }).locator("xpath=following-sibling::dd[1]")).toHaveText("Yes");
});

// Issue 11 point 5: token pages send `Referrer-Policy: no-referrer`. Under it a browser
// without JavaScript posts the page's own form with `Origin: null` (with JavaScript,
// Next posts with fetch(), which sends the real Origin); the proxy vouches for it from
// Sec-Fetch-Site (lib/http/token-page-origin.ts), so the page works either way.
for (const javaScriptEnabled of [false, true]) {
  test(`the reset page sends no Referer and its form works ${javaScriptEnabled ? "with" : "without"} JavaScript`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const user = await apiUser(page.request);
    await page.request.post("/api/users/password-reset/", { data: { email: user.email } });
    const link = await mailedLink(user.email, "password_reset.requested");
    const posts: Request[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request);
    });
    const shown = await page.goto(link);
    expect(shown!.headers()["referrer-policy"]).toBe("no-referrer");
    await page.getByLabel("New password", { exact: true }).fill(NEW);
    await page.getByLabel("Confirm new password").fill(NEW);
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page).toHaveURL(/\/login\?reset=1$/);
    const sent = await Promise.all(posts.map(async (post) => (await post.allHeaders())));
    expect(sent.map((h) => ({ origin: h["origin"] ?? null, referer: h["referer"] ?? null }))).toEqual([
      { origin: javaScriptEnabled ? new URL(baseURL!).origin : "null", referer: null },
    ]);
    const oldPassword = await page.request.post("/api/users/login/", { data: { username: user.username, password: PASSWORD } });
    expect(oldPassword.status()).toBe(400);
    await context.close();
  });
}

// The other side of that exception: another site's page posting the same form (with its
// own no-referrer, so Origin is "null" too) is still refused: the browser does not say
// `Sec-Fetch-Site: same-origin`, and pages cannot make it.
test("another site's copy of the reset form, posted with Origin: null, changes nothing", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = await apiUser(page.request);
  await page.request.post("/api/users/password-reset/", { data: { email: user.email } });
  const link = await mailedLink(user.email, "password_reset.requested");
  await page.goto(link);
  const form = await page.locator("form").filter({ has: page.getByRole("button", { name: "Set new password" }) }).evaluate((f) => f.outerHTML);
  await page.route("http://other-site.test/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      // data-hydrated: the ready mark the shared page.goto waits for (e2e/support/test.ts).
      body: `<!doctype html><html data-hydrated><meta name="referrer" content="no-referrer"><body>${form}</body></html>`,
    }),
  );
  await page.goto("http://other-site.test/trap");
  const answered = page.waitForResponse((r) => r.request().method() === "POST");
  await page.evaluate(([action, password]) => {
    const f = document.querySelector("form")!;
    f.setAttribute("action", action);
    f.setAttribute("method", "post");
    for (const input of Array.from(f.querySelectorAll<HTMLInputElement>('input[type="password"]'))) input.value = password;
    f.submit();
  }, [link, NEW]);
  const posted = await answered;
  const sent = await posted.request().allHeaders();
  expect(sent["origin"]).toBe("null");
  // Chromium sends cross-site here, or nothing from a page that is not a secure context
  // (this one); never same-origin.
  expect(sent["sec-fetch-site"]).not.toBe("same-origin");
  expect(posted.status()).toBeGreaterThanOrEqual(400);
  const oldPassword = await page.request.post("/api/users/login/", { data: { username: user.username, password: PASSWORD } });
  expect(oldPassword.status()).toBe(200);
  await context.close();
});
