import { Secret, TOTP } from "otpauth";
import { startTestServer, type TestServer } from "../tests/support/stack";
import { PASSWORD, sql, submit, uniq } from "./support/accounts";
import { staffAct } from "./support/staff";
import { expect, test } from "./support/test";

// Issue 20 points 5 and 6 in the browser, without JavaScript, on a server started with
// REQUIRE_2FA=staff (the shared one runs with it off): staff without a second factor are
// sent to set one up and refused the staff area until enrolled; "view as" then asks to
// confirm with a code in place.

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer(process.env.TEST_DATABASE_URL!, { REQUIRE_2FA: "staff" });
});

test.afterAll(async () => {
  await server?.stop();
});

const code = (secret: string, ahead = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: Date.now() + ahead * 30_000 });

test("staff: sent to set up 2FA, refused the staff area until enrolled; view as asks for a fresh code", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled: false });
  const page = await context.newPage();
  const staff = uniq("req");
  const member = uniq("mem");
  for (const username of [staff, member]) {
    expect((await page.request.post("/api/users/register/", { data: { username, email: `${username}@example.com`, password: PASSWORD } })).status()).toBe(201);
  }
  await sql(`UPDATE "User" SET "isStaff" = true WHERE username = $1`, [staff]);

  await page.goto("/login?next=/admin");
  await page.getByLabel("Username or email").fill(staff);
  await page.getByLabel("Password").fill(PASSWORD);
  await submit(page, "Sign in", { exact: true });
  await expect(page).toHaveURL(/\/account\/security\?two-factor=required/);
  await expect(page.getByText("Your account must have a second factor")).toBeVisible();

  const refused = await page.goto("/admin");
  expect(refused?.status()).toBe(403);
  await expect(page.getByText("Two-factor authentication is required for staff")).toBeVisible();

  await page.goto("/account/security");
  await page.getByLabel("Password to set up the app").fill(PASSWORD);
  await submit(page, "Set up an authenticator app");
  const secret = (await page.getByLabel("Secret key").textContent())!.trim();
  await page.getByLabel("Code from the app").fill(code(secret));
  await submit(page, "Turn on");
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);

  expect((await page.goto("/admin"))?.status()).toBe(200);

  // This session never passed a code at sign-in: "view as" asks for one, in place.
  const { rows } = await sql(`SELECT id FROM "User" WHERE username = $1`, [member]);
  await page.goto(`/admin/users/${rows[0].id}`);
  await staffAct(page, "View as", "Support ticket 82");
  await expect(page.getByRole("alert").filter({ hasText: "Confirm it's you first" })).toBeVisible();
  await page.getByLabel("Authentication code").fill(code(secret, 1));
  await submit(page, "Confirm it’s you");
  await expect(page.getByRole("status").filter({ hasText: "Confirmed: for the next 10 minutes" })).toBeVisible();
  await staffAct(page, "View as", "Support ticket 82");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("region", { name: "Viewing as a member" })).toBeVisible();
  await context.close();
});
