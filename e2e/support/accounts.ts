import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";

export const PASSWORD = "SecurePass123!";
export const uniq = (p: string) => `${p}_${randomBytes(4).toString("hex")}`;

/** A new account made through the public API. */
export async function apiUser(request: APIRequestContext, overrides: Record<string, string> = {}) {
  const username = uniq("e2e");
  const user = { username, email: `${username}@example.com`, password: PASSWORD, ...overrides };
  const res = await request.post("/api/users/register/", { data: user });
  expect(res.status()).toBe(201);
  return user;
}

export async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

export async function makeStaff(username: string) {
  await sql(`UPDATE "User" SET "isStaff" = true WHERE username = $1`, [username]);
}

/**
 * Presses a form's submit button and waits until the server has answered and React has
 * rendered the answer (with JavaScript, React resets the form then: typing before that
 * would be lost).
 */
export async function submit(page: Page, button: string, opts: { exact?: boolean } = {}) {
  const answered = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: button, exact: opts.exact }).click();
  await answered;
  await expect(page.locator('button[aria-busy="true"]')).toHaveCount(0);
}

export async function fillLogin(page: Page, identifier: string, password: string) {
  await page.getByLabel("Username or email").fill(identifier);
  await page.getByLabel("Password").fill(password);
  // exact: /login also has "Sign in with a passkey".
  await submit(page, "Sign in", { exact: true });
}

/** Signs in through the /login page. */
export async function signIn(page: Page, identifier: string, password: string) {
  await page.goto("/login");
  await fillLogin(page, identifier, password);
  await expect(page).toHaveURL(/\/account$/);
}
