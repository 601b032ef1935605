import { expect, test, type Browser, type Page } from "./support/test";
import { apiUser, makeStaff, PASSWORD, signIn } from "./support/accounts";
import { mailedLink } from "./support/links";

// Issue 21 point 1: what a newcomer hit in the UX walk, each checked the way it was seen.

async function signedIn(browser: Browser, user: { username: string }, options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 800 },
  });
  const page = await context.newPage();
  await signIn(page, user.username, PASSWORD);
  return { context, page };
}

test("without JavaScript, 'Confirm my email address' verifies and then says so", async ({ browser, request }) => {
  const user = await apiUser(request);
  const { context, page } = await signedIn(browser, user, { javaScriptEnabled: false });
  await page.goto("/account");
  await page.getByRole("button", { name: "Resend the verification email" }).click();
  await page.goto(await mailedLink(user.email, "email.verification"));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("heading", { name: "Email address verified" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Thank you: your email address is verified.");
  await expect(page.getByText("This link cannot be used")).toHaveCount(0);
  await context.close();
});

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

for (const width of [1280, 390, 320]) {
  test(`/account/security at ${width}px: the devices fit the card, no sideways scrolling, Sign out reachable`, async ({ browser, request }) => {
    const user = await apiUser(request);
    // Two other browsers, one with a long user agent, so the list has rows with a Sign out button.
    const others = [await signedIn(browser, user), await signedIn(browser, user)];
    const { context, page } = await signedIn(browser, user, { width });
    await page.goto("/account/security");
    await expect(page.locator("tr[data-device]")).toHaveCount(3);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const card = (await page.locator("section.card").first().boundingBox())!;
    const table = (await page.getByRole("table", { name: "Signed-in devices" }).boundingBox())!;
    expect(table.x).toBeGreaterThanOrEqual(card.x);
    expect(table.x + table.width).toBeLessThanOrEqual(card.x + card.width);
    const buttons = page.getByRole("button", { name: /^Sign out .+/ });
    await expect(buttons).toHaveCount(2);
    for (const button of await buttons.all()) {
      await button.scrollIntoViewIfNeeded();
      await expect(button).toBeInViewport({ ratio: 1 });
      const box = (await button.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(card.x + card.width);
    }
    await context.close();
    for (const o of others) await o.context.close();
  });
}

test("the pending guide application says the decision comes by email", async ({ browser, request }) => {
  const user = await apiUser(request);
  const { context, page } = await signedIn(browser, user);
  await page.goto("/guide-application");
  await page.getByLabel("Why do you want to teach?").fill("I love teaching maths.");
  await page.getByLabel("Subjects you want to teach").fill("Maths");
  await page.getByRole("button", { name: /Send|Submit|Apply/ }).click();
  await expect(page).toHaveURL(/\/guide-application\?submitted=1$/);
  await expect(page.getByText("We will email you when it has been decided")).toBeVisible();
  await context.close();
});

test("/invitations tells staff who may not invite yet how to allow themselves, never to ask a staff member", async ({ browser, request }) => {
  const user = await apiUser(request);
  await makeStaff(user.username);
  const { context, page } = await signedIn(browser, user);
  await page.goto("/invitations");
  const note = page.getByRole("note");
  await expect(note).toContainText("You cannot send invitations.");
  await expect(note).not.toContainText("ask a staff member");
  // Staff allow themselves, and invite, on the staff area's invitations page.
  await expect(note.getByRole("link", { name: "Invitations" })).toHaveAttribute("href", "/admin/invitations");
  await context.close();
});
