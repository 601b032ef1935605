import { expect, type Page } from "@playwright/test";

/**
 * The member page's one action form: choose the action, give the reason, Continue, and for
 * a dangerous action press the confirmation's "Yes, …". Works with and without JavaScript.
 */
export async function staffAct(page: Page, action: string, reason: string, opts: { confirm?: boolean } = {}) {
  const form = page.getByRole("group", { name: "Action" });
  await form.getByRole("radio", { name: action, exact: true }).check();
  await page.getByLabel("Reason", { exact: true }).fill(reason);
  await page.getByRole("button", { name: "Continue" }).click();
  if (opts.confirm) {
    await expect(page.getByRole("alert").filter({ hasText: "Are you sure?" })).toBeVisible();
    await page.getByRole("button", { name: `Yes, ${action.toLowerCase()}` }).click();
  }
}
