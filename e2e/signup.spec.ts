import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "./support/test";

const uniq = (p: string) => `${p}_${randomBytes(4).toString("hex")}`;

async function fillSignup(page: Page, u: { username: string; email: string; password: string }) {
  await page.getByLabel("Username").fill(u.username);
  await page.getByLabel("Email").fill(u.email);
  await page.getByLabel("Password").fill(u.password);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`sign-up with JavaScript ${javaScriptEnabled ? "enabled" : "disabled"}`, () => {
    test.use({ javaScriptEnabled });

    test("a person signs up from the home page and lands signed in (JS) or on /login with a notice (no JS)", async ({ page }) => {
      const username = uniq("e2e");
      await page.goto("/");
      await page.getByRole("link", { name: "Create your account" }).click();
      await expect(page).toHaveURL(/\/signup$/);
      await fillSignup(page, { username, email: `${username}@example.com`, password: "SecurePass123!" });
      await page.getByRole("button", { name: "Create account" }).click();
      if (javaScriptEnabled) {
        await expect(page).toHaveURL(/\/account$/);
        await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
        await expect(page.getByRole("definition").nth(0)).toHaveText(username);
        // Teaching starts with a guide application, not a choice on the sign-up form.
        await expect(page.getByRole("definition").nth(2)).toHaveText("Explorer");
      } else {
        await expect(page).toHaveURL(/\/login\?/);
        await expect(page.getByRole("status")).toHaveText("Your account has been created. Sign in to continue.");
        await expect(page.getByLabel("Username or email")).toHaveValue(username);
      }
    });

    test("a duplicate shows the message next to the form and keeps what was typed", async ({ page, request }) => {
      const taken = uniq("dup");
      const created = await request.post("/api/users/register/", {
        data: { username: taken, email: `${taken}@example.com`, password: "SecurePass123!" },
      });
      expect(created.status()).toBe(201);

      await page.goto("/signup");
      const other = uniq("other");
      await fillSignup(page, { username: other, email: `${taken.toUpperCase()}@EXAMPLE.com`, password: "SecurePass123!" });
      await page.getByRole("button", { name: "Create account" }).click();

      await expect(page.locator("#form-error[role=alert]")).toHaveText("Email already registered.");
      const email = page.getByLabel("Email");
      await expect(email).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator("#email-error")).toHaveText("Email already registered.");
      await expect(page.getByLabel("Username")).toHaveValue(other);
      await expect(email).toHaveValue(`${taken.toUpperCase()}@EXAMPLE.com`);
      await expect(page.getByLabel("Password")).toHaveValue("");
    });
  });
}

for (const javaScriptEnabled of [true, false]) {
  test(`a taken username and a common password are both named at once (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser, request }) => {
    const taken = uniq("both");
    const created = await request.post("/api/users/register/", {
      data: { username: taken, email: `${taken}@example.com`, password: "SecurePass123!" },
    });
    expect(created.status()).toBe(201);
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/signup");
    await fillSignup(page, { username: taken, email: `${uniq("fresh")}@example.com`, password: "password123" });
    await page.getByRole("button", { name: "Create account" }).click();
    const summary = page.locator("#form-error[role=alert]");
    await expect(summary.getByRole("link")).toHaveText(["Username already taken.", "This password is too common."]);
    await expect(page.locator("#username-error")).toHaveText("Username already taken.");
    await expect(page.locator("#password-error")).toHaveText("This password is too common.");
    await expect(page.locator("#email")).not.toHaveAttribute("aria-invalid", "true");
    await context.close();
  });
}

for (const javaScriptEnabled of [true, false]) {
  test(`an empty form (JavaScript ${javaScriptEnabled ? "on" : "off"}): one summary linking to each field, a different sentence under each`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/signup");
    await page.getByRole("button", { name: "Create account" }).click();
    const summary = page.locator("#form-error[role=alert]");
    await expect(summary.getByRole("link")).toHaveText(["Username is required.", "Email is required.", "Password is required."]);
    if (javaScriptEnabled) await expect(summary).toBeFocused();
    for (const [field, sentence] of [["username", "Username is required."], ["email", "Email is required."], ["password", "Password is required."]]) {
      await expect(page.locator(`#${field}-error`)).toHaveText(sentence);
      await expect(page.locator(`#${field}`)).toHaveAttribute("aria-invalid", "true");
    }
    await expect(page.getByText("Username, email, and password are required.")).toHaveCount(0);
    await summary.getByRole("link", { name: "Email is required." }).click();
    await expect(page.locator("#email")).toBeFocused();
    await context.close();
  });
}

test("the password can be shown and its rules tick off while typing", async ({ page }) => {
  await page.goto("/signup");
  const password = page.getByLabel("Password", { exact: true });
  await password.fill("1234");
  await expect(password).toHaveAttribute("type", "password");
  await page.getByRole("button", { name: "Show password" }).click();
  await expect(password).toHaveAttribute("type", "text");
  await expect(page.getByRole("button", { name: "Hide password" })).toHaveAttribute("aria-pressed", "true");
  const rules = page.locator("#password-hint li");
  await expect(rules.nth(0)).toHaveAttribute("data-met", "false");
  await expect(rules.nth(1)).toHaveAttribute("data-met", "false");
  await password.fill("longer-pass");
  await expect(rules.nth(0)).toHaveAttribute("data-met", "true");
  await expect(rules.nth(1)).toHaveAttribute("data-met", "true");
});

test("without JavaScript there is no show-password button, and the rules read as a hint", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/signup");
  await expect(page.getByRole("button", { name: "Show password" })).toHaveCount(0);
  await expect(page.locator("#password-hint")).toContainText("At least 8 characters");
  await context.close();
});

test("the button shows a pending state and cannot be pressed twice", async ({ page }) => {
  const username = uniq("pending");
  await page.goto("/signup");
  await fillSignup(page, { username, email: `${username}@example.com`, password: "SecurePass123!" });
  // Hold the server action's response so the pending state is observable.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route("**/signup", async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  await page.getByRole("button", { name: "Create account" }).click();
  const pendingButton = page.getByRole("button", { name: "Creating your account…" });
  await expect(pendingButton).toBeDisabled();
  release();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("definition").nth(0)).toHaveText(username);
});

test("is usable at phone width: no horizontal scrolling, labelled fields", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/signup");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const label of ["Username", "Email", "Password"]) await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/signup-phone.png", fullPage: true });
});
