import { expect, test } from "./support/test";
import { apiUser, fillLogin, makeStaff, signIn, sql } from "./support/accounts";
import { staffAct } from "./support/staff";

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
    await staffAct(page, "Allow inviting", "Runs the maths department");
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
    await staffPage.getByRole("radio", { name: "Allow inviting", exact: true }).check();
    await staffPage.getByLabel("Reason", { exact: true }).fill("A reason");
    // The no-JavaScript form carries the action's id in hidden fields: exactly what a
    // caller needs to invoke the action without the page.
    const form = staffPage.locator("form").filter({ has: staffPage.getByRole("button", { name: "Continue" }) });
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

test.describe("the member page's one action form, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("one reason for the chosen action; an empty reason is the app's sentence; Deactivate asks first, Cancel changes nothing", async ({ page, request }) => {
    const staff = await apiUser(request);
    await makeStaff(staff.username);
    const member = await apiUser(request);
    await signIn(page, staff.username, staff.password);
    const path = `/admin/users/${await userId(member.username)}`;
    await page.goto(path);
    // One reason field for every action, not one per button.
    await expect(page.getByLabel("Reason", { exact: true })).toHaveCount(1);
    await expect(page.getByRole("group", { name: "Action" }).getByRole("radio")).not.toHaveCount(0);

    await page.getByRole("radio", { name: "Deactivate", exact: true }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Give a reason: it goes into the audit log." })).toBeVisible();
    // The choice is kept for the second try.
    await expect(page.getByRole("radio", { name: "Deactivate", exact: true })).toBeChecked();

    await page.getByLabel("Reason", { exact: true }).fill("Spam reports");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Are you sure?" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Yes, deactivate" })).toBeVisible();
    await page.getByRole("link", { name: "Cancel" }).click();
    expect((await sql(`SELECT "isActive" FROM "User" WHERE username = $1`, [member.username])).rows[0].isActive).toBe(true);

    await staffAct(page, "Deactivate", "Spam reports", { confirm: true });
    await expect(page.getByRole("status").filter({ hasText: `${member.username} is now inactive.` })).toBeVisible();
    expect((await sql(`SELECT "isActive" FROM "User" WHERE username = $1`, [member.username])).rows[0].isActive).toBe(false);
    const audit = await sql(`SELECT a.notes FROM "AuditLog" a JOIN "User" u ON u.id = a."targetId" WHERE a.action = 'user.deactivated' AND u.username = $1`, [member.username]);
    expect(audit.rows).toEqual([{ notes: "Spam reports" }]);
  });
});

test("staff invite a teacher from /admin/invitations: allow themselves with a reason, then send", async ({ page, request }) => {
  const staff = await apiUser(request);
  await makeStaff(staff.username);
  // Invitations go out from a proven address (DOMAIN.md); `manage create-staff --verified` gives one.
  await sql(`UPDATE "User" SET "emailVerifiedAt" = now() WHERE username = $1`, [staff.username]);
  await signIn(page, staff.username, staff.password);
  await page.goto("/invitations");
  await expect(page.getByText("ask a staff member")).toHaveCount(0);
  await page.getByRole("main").getByRole("link", { name: "Invitations" }).click();
  await expect(page).toHaveURL(/\/admin\/invitations$/);
  await page.getByLabel("Reason", { exact: true }).fill("Onboarding the science department");
  await page.getByRole("button", { name: "Allow me to invite teachers" }).click();
  const email = `${staff.username}_colleague@example.com`;
  await page.getByLabel("Their email").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("rowheader", { name: email })).toBeVisible();
  const { rows } = await sql(
    `SELECT i.status, u.username FROM "TeacherInvitation" i JOIN "User" u ON u.id = i."inviterId" WHERE i."inviteeEmail" = $1`,
    [email],
  );
  expect(rows).toEqual([{ status: "pending", username: staff.username }]);
});

test("the member page fits a 320 px phone: no sideways scrolling, the action form usable", async ({ browser, request }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 700 } });
  try {
    const staff = await apiUser(request);
    await makeStaff(staff.username);
    const member = await apiUser(request);
    const page = await context.newPage();
    await signIn(page, staff.username, staff.password);
    await page.goto(`/admin/users/${await userId(member.username)}`);
    await expect(page.getByRole("group", { name: "Action" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await staffAct(page, "Sign out everywhere", "Lost phone", { confirm: true });
    await expect(page.getByRole("status").filter({ hasText: `${member.username} was signed out of` })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  } finally {
    await context.close();
  }
});
