import { expect, test } from "./support/test";
import { startTestServer, type TestServer } from "../tests/support/stack";
import { fillLogin, PASSWORD, uniq } from "./support/accounts";

// The pages say the same sentence as the API when a limit is reached. A server of its
// own, with low limits and its own key prefix, so no other test is throttled.
test.describe("rate limits on the pages", () => {
  test.describe.configure({ mode: "serial" });
  let server: TestServer;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startTestServer(process.env.TEST_DATABASE_URL!, {
      RATE_LIMIT_PREFIX: uniq("rlpage"),
      LOGIN_MAX_FAILURES: "2",
      REGISTER_MAX_PER_IP: "1",
    });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("sign-in: after 2 failures the page says to wait, even for the right password", async ({ page, request }) => {
    const username = uniq("rlp");
    const created = await request.post(`${server.baseUrl}/api/users/register/`, {
      data: { username, email: `${username}@example.com`, password: PASSWORD },
    });
    expect(created.status()).toBe(201);
    await page.goto(`${server.baseUrl}/login`);
    for (let i = 0; i < 2; i++) {
      await fillLogin(page, username, `Wrong-${i}-password`);
      await expect(page.locator("#form-error[role=alert]")).toHaveText("Your username or email, or your password, is incorrect.");
    }
    await fillLogin(page, username, PASSWORD);
    await expect(page.locator("#form-error[role=alert]")).toHaveText(/^Too many attempts\. Try again in \d+ seconds\.$/);
  });

  test("sign-up: over the limit the form says to wait", async ({ page }) => {
    // The registration above used this address's only sign-up.
    const username = uniq("rlp");
    await page.goto(`${server.baseUrl}/signup`);
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Email").fill(`${username}@example.com`);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("#form-error[role=alert]")).toHaveText(/^Too many attempts\. Try again in \d+ seconds\.$/);
    await expect(page.getByLabel("Username")).toHaveValue(username);
  });
});
