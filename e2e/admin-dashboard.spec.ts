import { expect, test } from "./support/test";
import { apiUser, makeStaff, signIn, sql } from "./support/accounts";
import { staffAct } from "./support/staff";

// The staff dashboard (issue 14): find a member by part of their email, open them, sign
// them out everywhere; the overview's chart with and without JavaScript and at phone width.

test("staff find a member by part of their email, open them and sign them out everywhere", async ({ browser, request }) => {
  const staffContext = await browser.newContext();
  const memberContext = await browser.newContext();
  try {
    const staff = await apiUser(request);
    await makeStaff(staff.username);
    const member = await apiUser(request);
    const memberPage = await memberContext.newPage();
    await signIn(memberPage, member.username, member.password);

    const page = await staffContext.newPage();
    await signIn(page, staff.username, staff.password);
    await page.goto("/admin");
    await page.getByRole("link", { name: "Find a member" }).click();
    // Part of the email, in capitals.
    await page.getByRole("searchbox", { name: "Search" }).fill(member.email.slice(4, 12).toUpperCase());
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/\/admin\/users\?q=/);
    await page.getByRole("link", { name: member.username }).click();
    await expect(page.getByRole("heading", { level: 1, name: member.username })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Sessions and devices" })).toBeVisible();

    await staffAct(page, "Sign out everywhere", "Reported a lost laptop", { confirm: true });
    await expect(page.getByRole("status").filter({ hasText: `${member.username} was signed out of 1 session.` })).toBeVisible();

    // The member's browser is signed out; the audit row carries the reason.
    await memberPage.goto("/account");
    await expect(memberPage).toHaveURL(/\/login\?next=%2Faccount$/);
    const { rows } = await sql(
      `SELECT a.notes FROM "AuditLog" a JOIN "User" u ON u.id = a."targetId" WHERE a.action = 'session.revoked_all' AND u.username = $1`,
      [member.username],
    );
    expect(rows).toEqual([{ notes: "Reported a lost laptop" }]);
    await page.reload();
    await expect(page.getByRole("cell", { name: "Reported a lost laptop" })).toBeVisible();
  } finally {
    await Promise.all([staffContext.close(), memberContext.close()]);
  }
});

for (const javaScriptEnabled of [true, false]) {
  test(`the overview's sign-up chart renders ${javaScriptEnabled ? "with" : "without"} JavaScript, also at phone width`, async ({ browser, request }) => {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } });
    try {
      const staff = await apiUser(request);
      await makeStaff(staff.username);
      const page = await context.newPage();
      await signIn(page, staff.username, staff.password);
      await page.goto("/admin");
      const chart = page.getByRole("img", { name: /^Sign-ups per day\./ });
      await expect(chart).toBeVisible();
      await expect(chart.locator("rect")).toHaveCount(30);
      const box = await chart.boundingBox();
      expect(box!.width).toBeLessThanOrEqual(360);
      expect(box!.height).toBeGreaterThan(50);
      // Nothing on the page is wider than the phone's screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.getByRole("link", { name: "90 days" }).click();
      await expect(chart.locator("rect")).toHaveCount(90);
      // The figures as a table for screen readers.
      await expect(page.getByRole("table", { name: "Sign-ups per day" })).toHaveCount(1);
    } finally {
      await context.close();
    }
  });
}

test("staff view the site as a member, cannot change their security, and stop", async ({ page, request }) => {
  const staff = await apiUser(request);
  await makeStaff(staff.username);
  const member = await apiUser(request);
  await signIn(page, staff.username, staff.password);
  const { rows } = await sql(`SELECT id FROM "User" WHERE username = $1`, [member.username]);
  await page.goto(`/admin/users/${rows[0].id}`);
  await staffAct(page, "View as", "Support ticket 81");

  await expect(page).toHaveURL(/\/account$/);
  const banner = page.getByRole("region", { name: "Viewing as a member" });
  await expect(banner).toContainText(`${staff.username}, you are viewing the site as ${member.username}.`);
  await expect(page.getByRole("banner").getByRole("link", { name: "Admin" })).toHaveCount(0);

  // The member's security page reads, but every form is off, and the banner says why.
  await page.goto("/account/security");
  await expect(banner).toContainText("Every form on the page is turned off");
  await page.getByText("Deactivate account…").click();
  await expect(page.getByRole("button", { name: "Yes, deactivate my account" })).toBeDisabled();
  await expect(page.getByRole("main").getByRole("textbox").first()).toBeDisabled();
  const { rows: after } = await sql(`SELECT "isActive" FROM "User" WHERE username = $1`, [member.username]);
  expect(after[0].isActive).toBe(true);

  expect((await page.goto("/admin"))?.status()).toBe(403);
  await page.goto("/account");
  await banner.getByRole("button", { name: `Stop viewing as ${member.username}` }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/users/${rows[0].id}$`));
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole("rowheader", { name: "Stopped viewing as member" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Support ticket 81" })).toBeVisible();
});
