import path from "node:path";
import { renderEmailHtml } from "../lib/mail/html";
import { guideApplicationDecidedEmail } from "../lib/mail/notices";
import { expect, test } from "./support/test";
import { apiUser, PASSWORD, signIn } from "./support/accounts";

// Issue 21's closing note: "after" pictures of sign-up with errors, /account/security on a
// phone, and one branded email (lib/mail/html.ts's own output). Into test-results/ on
// every run (they are checked like any page); SCREENSHOT_DIR=docs/screenshots refreshes
// the committed ones. The "before" pictures are the UX walk's, copied beside them.

const dir = process.env.SCREENSHOT_DIR ?? "test-results/screenshots";

test("sign-up with errors", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#form-error")).toBeFocused();
  await page.screenshot({ path: path.join(dir, "after-signup-errors.png"), fullPage: true });
});

test("/account/security at 390 px", async ({ browser, request }) => {
  const user = await apiUser(request);
  const other = await browser.newContext();
  await signIn(await other.newPage(), user.username, PASSWORD);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, user.username, PASSWORD);
  await page.goto("/account/security");
  await expect(page.locator("tr[data-device]")).toHaveCount(2);
  await page.screenshot({ path: path.join(dir, "after-security-390.png"), fullPage: true });
  await context.close();
  await other.close();
});

test("one email: a guide application decision, with the staff note", async ({ page }) => {
  const mail = guideApplicationDecidedEmail({ username: "maria_k", email: "maria@example.com", locale: "en" }, "approved", "Welcome aboard, Maria!");
  await page.setViewportSize({ width: 700, height: 800 });
  await page.setContent(renderEmailHtml(mail.subject, mail.text));
  await expect(page.getByText("maria_k", { exact: false }).first()).toBeVisible();
  await page.screenshot({ path: path.join(dir, "after-email-guide-approved.png"), fullPage: true });
});
