import { expect, test, type Page } from "./support/test";
import { apiUser, signIn } from "./support/accounts";

// The Content-Security-Policy (lib/http/security-headers.ts) must not block anything the
// pages themselves use: Next's scripts carry the response's nonce, styles load, and client
// navigation keeps working. Any violation the browser reports fails the test.

async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

test("pages run their scripts under the policy, with no violation", async ({ page, request }) => {
  const violations = await watchViolations(page);
  const user = await apiUser(request);
  await page.goto("/signup");
  await page.goto(`/accept-invitation?token=${"A".repeat(43)}`);
  await page.goto("/no-such-page");
  await signIn(page, user.username, user.password);
  for (const path of ["/", "/account", "/guide-application", "/invitations"]) await page.goto(path);
  // Client-side navigation needs the app's JavaScript: a header link changes the page in place.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: `${user.username} (your account)` }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  expect(violations).toEqual([]);
});
