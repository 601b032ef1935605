import { expect, test, type APIRequestContext, type Browser, type Page } from "./support/test";
import { apiUser, makeStaff, signIn, sql, submit } from "./support/accounts";

// A member applies to teach in the browser, staff decide in the dashboard.

type Account = Awaited<ReturnType<typeof apiUser>>;

/** A signed-in page in a browser context of its own (one person per context). */
async function signedIn(browser: Browser, opts: { staff?: boolean } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const account = await apiUser(page.request);
  if (opts.staff) await makeStaff(account.username);
  await signIn(page, account.username, account.password);
  return { context, page, account };
}

async function apiToken(request: APIRequestContext, account: Account): Promise<string> {
  const res = await request.post("/api/users/login/", { data: { username: account.username, password: account.password } });
  expect(res.status()).toBe(200);
  return (await res.json()).token;
}

/** The <dd> that follows the <dt> with this text. */
const detail = (page: Page, term: string) => page.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");

async function fillApplication(page: Page, values: { motivation: string; subjects: string; experience?: string; referredBy?: string }) {
  await page.getByLabel("Why do you want to teach?").fill(values.motivation);
  if (values.experience) await page.getByLabel("Teaching experience").fill(values.experience);
  await page.getByLabel("Subjects you want to teach").fill(values.subjects);
  if (values.referredBy) await page.getByLabel("Who referred you?").fill(values.referredBy);
}

/** Staff find an applicant's row with the search box and open the application. */
async function openFromList(page: Page, username: string) {
  await page.getByRole("navigation", { name: "Staff area" }).getByRole("link", { name: "Guide applications" }).click();
  await expect(page.getByRole("heading", { name: "Guide applications" })).toBeVisible();
  await page.getByLabel("Applicant").fill(username);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`applicant=${username}`));
  const row = page.getByRole("row", { name: new RegExp(username) });
  await expect(row).toHaveCount(1);
  return row;
}

test("a member applies, staff approve in the dashboard, the member's account shows an active guide", async ({ browser }) => {
  const member = await signedIn(browser);
  const staff = await signedIn(browser, { staff: true });
  const referrer = await apiUser(member.page.request);
  try {
    const page = member.page;
    await page.getByRole("banner").getByRole("link", { name: "Teach" }).click();
    await expect(page).toHaveURL(/\/guide-application$/);
    await expect(page.getByRole("heading", { name: "Become a guide" })).toBeVisible();

    // Refusals come back next to the form, with what was typed kept.
    await fillApplication(page, { motivation: "   ", subjects: "Maths", referredBy: "nobody_by_that_name" });
    await submit(page, "Send application");
    await expect(page.locator("#form-error[role=alert]")).toHaveText("Motivation is required.");
    await expect(page.getByLabel("Why do you want to teach?")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#motivation-error")).toHaveText("Motivation is required.");
    await expect(page.getByLabel("Subjects you want to teach")).toHaveValue("Maths");

    await fillApplication(page, {
      motivation: "I have tutored maths for five years.\nI love it.",
      experience: "Volunteer tutor.",
      subjects: "Maths,  Statistics ,",
      referredBy: referrer.username,
    });
    await submit(page, "Send application");
    await expect(page).toHaveURL(/\/guide-application\?submitted=1$/);
    await expect(page.getByRole("status")).toHaveText("Thank you! Your application was sent. Our staff will review it soon.");
    await expect(page.getByText("Your application is waiting for review.")).toBeVisible();
    await expect(detail(page, "Status")).toHaveText("Pending");
    await expect(detail(page, "Subjects")).toHaveText("Maths, Statistics");
    await expect(detail(page, "Referred by")).toHaveText(referrer.username);
    await expect(page.getByRole("button", { name: "Send application" })).toHaveCount(0);

    // Staff find it in the dashboard and approve it with a note.
    const admin = staff.page;
    await admin.goto("/admin");
    const row = await openFromList(admin, member.account.username);
    // Gone if anything below reloads the page in the browser.
    await admin.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await expect(row.getByRole("cell").nth(0)).toHaveText("Maths, Statistics");
    await expect(row.getByRole("cell").nth(1)).toHaveText("pending");
    await row.getByRole("link", { name: `Review the application of ${member.account.username}` }).click();
    await expect(admin.getByRole("heading", { name: `Application from ${member.account.username}` })).toBeVisible();
    await expect(detail(admin, "Motivation")).toHaveText("I have tutored maths for five years.\nI love it.");
    await expect(detail(admin, "Experience")).toHaveText("Volunteer tutor.");
    await admin.getByLabel("Notes for the applicant").fill("Welcome aboard!");
    await submit(admin, "Approve");
    await expect(admin.getByRole("status")).toHaveText(`Approved: ${member.account.username} is now an active guide (explorer and guide).`);
    await expect(detail(admin, "Status")).toHaveText("approved");
    await expect(detail(admin, "Decided by")).toHaveText(staff.account.username);
    await expect(detail(admin, "Notes")).toHaveText("Welcome aboard!");
    await expect(admin.getByRole("button", { name: "Approve" })).toHaveCount(0);
    await admin.screenshot({ path: "test-results/admin-guide-application-approved.png", fullPage: true });

    // Back in the list (client-side navigation, no reload): the row says approved.
    await admin.getByRole("link", { name: "← All guide applications" }).click();
    const after = await openFromList(admin, member.account.username);
    await expect(after.getByRole("cell").nth(1)).toHaveText("approved");
    expect(await admin.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

    // The member is an active guide.
    await page.goto("/account");
    await expect(detail(page, "Active guide")).toHaveText("Yes");
    await expect(detail(page, "Role")).toHaveText("Explorer and guide");
    await page.goto("/guide-application");
    await expect(page.getByText(/Your application was approved on/)).toBeVisible();
    await expect(detail(page, "Notes from the reviewer")).toHaveText("Welcome aboard!");
  } finally {
    await Promise.all([member.context.close(), staff.context.close()]);
  }
});

test("a stale page: someone else decided in between, the dashboard says so instead of failing", async ({ browser }) => {
  const member = await signedIn(browser);
  const staff = await signedIn(browser, { staff: true });
  try {
    const created = await member.page.request.post("/api/users/guide-application/", {
      headers: { authorization: `Token ${await apiToken(member.page.request, member.account)}` },
      data: { motivation: "Please let me teach.", subjects_to_teach: "Art" },
    });
    expect(created.status()).toBe(201);
    const { id } = await created.json();

    const admin = staff.page;
    await admin.goto(`/admin/guide-applications/${id}`);
    await expect(detail(admin, "Status")).toHaveText("pending");
    await admin.screenshot({ path: "test-results/admin-guide-application-pending.png", fullPage: true });

    // Another staff member rejects it through the API while this page is open.
    const other = await apiUser(admin.request);
    await makeStaff(other.username);
    const rejected = await admin.request.post(`/api/users/guide-applications/${id}/reject/`, {
      headers: { authorization: `Token ${await apiToken(admin.request, other)}` },
      data: { admin_notes: "Not this time." },
    });
    expect(rejected.status()).toBe(200);

    await submit(admin, "Approve");
    await expect(admin.locator("#form-error[role=alert]")).toHaveText("This application was already rejected.");
    // The page now shows what really happened.
    await expect(detail(admin, "Status")).toHaveText("rejected");
    await expect(detail(admin, "Decided by")).toHaveText(other.username);
    await expect(admin.getByRole("button", { name: "Approve" })).toHaveCount(0);
    const { rows } = await sql(`SELECT p."activeGuide" FROM "Profile" p JOIN "User" u ON u.id = p."userId" WHERE u.username = $1`, [member.account.username]);
    expect(rows[0].activeGuide).toBe(false);
  } finally {
    await Promise.all([member.context.close(), staff.context.close()]);
  }
});

test("a rejected member reads the notes and applies again", async ({ browser }) => {
  const member = await signedIn(browser);
  const staff = await signedIn(browser, { staff: true });
  try {
    const page = member.page;
    await page.goto("/guide-application");
    await fillApplication(page, { motivation: "First try.", subjects: "Music" });
    await submit(page, "Send application");
    await expect(page.getByText("Your application is waiting for review.")).toBeVisible();

    const admin = staff.page;
    await admin.goto("/admin");
    await openFromList(admin, member.account.username).then((row) => row.getByRole("link").click());
    await admin.getByLabel("Notes for the applicant").fill("Tell us about your teaching experience.");
    await submit(admin, "Reject");
    await expect(admin.getByRole("status")).toHaveText(`Rejected: ${member.account.username} can read your notes and may apply again.`);

    await page.reload();
    await expect(page.getByText(/was not approved/)).toBeVisible();
    await expect(page.getByRole("blockquote", { name: "Notes from the reviewer" })).toHaveText("Tell us about your teaching experience.");
    await expect(page.getByRole("heading", { name: "Apply again" })).toBeVisible();
    await fillApplication(page, { motivation: "Second try.", subjects: "Music", experience: "Ten years of piano lessons." });
    await submit(page, "Send application");
    await expect(page.getByText("Your application is waiting for review.")).toBeVisible();
    await expect(detail(page, "Motivation")).toHaveText("Second try.");
  } finally {
    await Promise.all([member.context.close(), staff.context.close()]);
  }
});

test("staff read the new-application email in the dev mailbox (/admin/outbox)", async ({ browser }) => {
  const staff = await signedIn(browser, { staff: true });
  const member = await signedIn(browser);
  try {
    await member.page.goto("/guide-application");
    await fillApplication(member.page, { motivation: "Notify the staff.", subjects: "Physics" });
    await submit(member.page, "Send application");
    await expect(member.page.getByText("Your application is waiting for review.")).toBeVisible();

    const admin = staff.page;
    await admin.goto("/admin");
    await admin.getByRole("navigation", { name: "Staff area" }).getByRole("link", { name: "Outbox" }).click();
    await expect(admin.getByRole("heading", { name: "Outbox" })).toBeVisible();
    await expect(admin.getByRole("columnheader", { name: "Subject" })).toBeVisible();
    // Every active staff member got one; this staff member's copy:
    const { rows } = await sql(`SELECT id FROM "Outbox" WHERE "to" = $1 AND subject = $2`, [
      staff.account.email,
      `New guide application from ${member.account.username}`,
    ]);
    expect(rows).toHaveLength(1);
    await admin.goto(`/admin/outbox/${rows[0].id}`);
    await expect(admin.getByRole("heading", { name: `New guide application from ${member.account.username}` })).toBeVisible();
    await expect(detail(admin, "To")).toHaveText(staff.account.email);
    const body = admin.getByLabel("Message body");
    await expect(body).toContainText(`${member.account.username} has applied to become a guide`);
    await expect(body).toContainText("Subjects: Physics");
    await expect(body.getByRole("link")).toHaveAttribute("href", /\/admin\/guide-applications\/\d+$/);
    await admin.screenshot({ path: "test-results/admin-outbox-message.png", fullPage: true });
    await admin.goto("/admin/outbox");
    await admin.screenshot({ path: "test-results/admin-outbox.png" });
  } finally {
    await Promise.all([member.context.close(), staff.context.close()]);
  }
});

test("without JavaScript: a member applies and staff reject with notes", async ({ browser }) => {
  const contexts = await Promise.all([browser.newContext({ javaScriptEnabled: false }), browser.newContext({ javaScriptEnabled: false })]);
  try {
    const [page, admin] = await Promise.all(contexts.map((c) => c.newPage()));
    const member = await apiUser(page.request);
    const staff = await apiUser(admin.request);
    await makeStaff(staff.username);
    await signIn(page, member.username, member.password);
    await signIn(admin, staff.username, staff.password);

    await page.goto("/guide-application");
    await fillApplication(page, { motivation: "No scripts needed.", subjects: "Latin" });
    await page.getByRole("button", { name: "Send application" }).click();
    await expect(page).toHaveURL(/\/guide-application\?submitted=1$/);
    await expect(page.getByText("Your application is waiting for review.")).toBeVisible();

    await admin.goto(`/admin/guide-applications?${new URLSearchParams({ applicant: member.username })}`);
    await admin.getByRole("link", { name: `Review the application of ${member.username}` }).click();
    await admin.getByLabel("Notes for the applicant").fill("Latin is not offered yet.");
    await admin.getByRole("button", { name: "Reject" }).click();
    await expect(admin.getByRole("status")).toHaveText(`Rejected: ${member.username} can read your notes and may apply again.`);
    await expect(detail(admin, "Status")).toHaveText("rejected");

    await page.goto("/guide-application");
    await expect(page.getByRole("blockquote", { name: "Notes from the reviewer" })).toHaveText("Latin is not offered yet.");
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});

test("non-staff get 403 on the staff pages and the staff API", async ({ browser }) => {
  const member = await signedIn(browser);
  try {
    const page = member.page;
    for (const path of ["/admin/guide-applications", "/admin/guide-applications/1", "/admin/outbox", "/admin/outbox/1"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "403 · Not allowed" })).toBeVisible();
    }
    // The browser's own session on the staff API.
    const list = await page.request.get("/api/users/guide-applications/");
    expect(list.status()).toBe(403);
    expect(await list.json()).toEqual({ detail: "Admin permission required." });
    const approve = await page.request.post("/api/users/guide-applications/1/approve/", { headers: { origin: new URL(page.url()).origin } });
    expect(approve.status()).toBe(403);
    expect(await approve.json()).toEqual({ detail: "Admin permission required." });
  } finally {
    await member.context.close();
  }
});

test("the application page and the staff list are usable at phone width", async ({ browser }) => {
  const staff = await signedIn(browser, { staff: true });
  try {
    const page = staff.page;
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ["/guide-application", "/admin/guide-applications", "/admin/outbox"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto("/guide-application");
    await page.screenshot({ path: "test-results/guide-application-phone.png", fullPage: true });
    await page.goto("/admin/guide-applications");
    await page.screenshot({ path: "test-results/admin-guide-applications-phone.png", fullPage: true });
  } finally {
    await staff.context.close();
  }
});
