import { expect, test } from "./support/test";
import { apiUser, fillLogin, makeStaff, signIn, sql } from "./support/accounts";

const userId = async (username: string) => (await sql(`SELECT id FROM "User" WHERE username = $1`, [username])).rows[0].id as number;

test("an anonymous visitor is sent to /login and comes back to /admin after signing in as staff", async ({ page, request }) => {
  const staff = await apiUser(request);
  await makeStaff(staff.username);
  const res = await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin$/);
  expect(res?.status()).toBe(200);
  await fillLogin(page, staff.email, staff.password);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Staff area" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Admin" })).toBeVisible();
});

test("a signed-in non-staff member gets a 403 page on /admin", async ({ page, request }) => {
  const user = await apiUser(request);
  await signIn(page, user.username, user.password);
  await expect(page.getByRole("banner").getByRole("link", { name: "Admin" })).toHaveCount(0);
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "403 · Not allowed" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Staff area" })).toHaveCount(0);
});

test("staff lose the staff area at once when the flag is removed", async ({ page, request }) => {
  const staff = await apiUser(request);
  await makeStaff(staff.username);
  await signIn(page, staff.username, staff.password);
  expect((await page.goto("/admin"))?.status()).toBe(200);
  await sql(`UPDATE "User" SET "isStaff" = false WHERE username = $1`, [staff.username]);
  expect((await page.goto("/admin"))?.status()).toBe(403);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("staff let a member invite teachers, through a staff-only action", async ({ page, request }) => {
    const staff = await apiUser(request);
    await makeStaff(staff.username);
    const member = await apiUser(request);
    await signIn(page, staff.username, staff.password);
    await page.goto(`/admin/users/${await userId(member.username)}`);
    await page.getByLabel("Reason for “Allow inviting”").fill("Runs the maths department");
    await page.getByRole("button", { name: `Let ${member.username} invite` }).click();
    await expect(page.getByRole("status").filter({ hasText: `${member.username} can now invite teachers.` })).toBeVisible();
    const { rows } = await sql(
      `SELECT p."canInviteTeachers" FROM "Profile" p JOIN "User" u ON u.id = p."userId" WHERE u.username = $1`,
      [member.username],
    );
    expect(rows[0].canInviteTeachers).toBe(true);
  });
});

test("a staff action refuses non-staff and anonymous callers who post it directly", async ({ browser, baseURL }) => {
  const staffContext = await browser.newContext({ javaScriptEnabled: false });
  const memberContext = await browser.newContext();
  const anonymousContext = await browser.newContext();
  try {
    const staffPage = await staffContext.newPage();
    const staff = await apiUser(staffPage.request);
    await makeStaff(staff.username);
    const target = await apiUser(staffPage.request);
    await signIn(staffPage, staff.username, staff.password);
    const path = `/admin/users/${await userId(target.username)}`;
    await staffPage.goto(path);
    await staffPage.getByLabel("Reason for “Allow inviting”").fill("A reason");
    // The no-JavaScript form carries the action's id in hidden fields: exactly what a
    // caller needs to invoke the action without the page.
    const form = staffPage.locator("form").filter({ has: staffPage.getByRole("button", { name: `Let ${target.username} invite` }) });
    const fields = await form.evaluate((f) => Object.fromEntries(new FormData(f as HTMLFormElement).entries()) as Record<string, string>);
    expect(Object.keys(fields).some((k) => k.startsWith("$ACTION"))).toBe(true);

    const memberPage = await memberContext.newPage();
    const member = await apiUser(memberPage.request);
    await signIn(memberPage, member.username, member.password);
    for (const request of [memberContext.request, anonymousContext.request]) {
      const res = await request.post(path, { multipart: fields, headers: { origin: baseURL! }, maxRedirects: 0 });
      expect(res.status()).toBeGreaterThanOrEqual(300);
    }
    const { rows } = await sql(
      `SELECT p."canInviteTeachers" FROM "Profile" p JOIN "User" u ON u.id = p."userId" WHERE u.username = $1`,
      [target.username],
    );
    expect(rows[0].canInviteTeachers).toBe(false);
  } finally {
    await Promise.all([staffContext.close(), memberContext.close(), anonymousContext.close()]);
  }
});
