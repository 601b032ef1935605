import { expect, test, type Browser, type Page } from "./support/test";
import { axe as axeCheck } from "./support/axe";
import { apiUser, PASSWORD, signIn, sql, submit, uniq } from "./support/accounts";
import { allowSteps } from "./support/flow";
import { grantInvite, linkFromMailbox } from "./support/invitations";

// Issue 23: the member pages in Japanese for a browser that asks for it (Accept-Language
// ja-JP), with and without JavaScript: the account page, the guide application (a refused
// and an accepted submission, the use case's sentences translated on the way out) and
// accepting an invitation by signing up from its link. axe finds nothing on each.

/** axe runs inside the page, so only where scripts run: the no-JavaScript runs serve the same HTML. */
async function axe(page: Page, state: string, javaScriptEnabled: boolean) {
  if (javaScriptEnabled) await axeCheck(page, state);
}

/**
 * A Japanese member (Profile.locale "ja": a signed-in member's saved language comes before the
 * browser's) in a Japanese browser. The session is made on /login in another context, then
 * carried over.
 */
async function japaneseSignedIn(browser: Browser, user: { username: string }, javaScriptEnabled: boolean): Promise<Page> {
  await sql(`UPDATE "Profile" SET locale = 'ja' WHERE "userId" = (SELECT id FROM "User" WHERE username = $1)`, [user.username]);
  const signer = await browser.newContext();
  await signIn(await signer.newPage(), user.username, PASSWORD);
  const storageState = await signer.storageState();
  await signer.close();
  const context = await browser.newContext({ locale: "ja-JP", javaScriptEnabled, storageState });
  return context.newPage();
}

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`in Japanese ${how}: the account page and the guide application`, async ({ browser, request }) => {
    allowSteps(12);
    const user = await apiUser(request);
    const page = await japaneseSignedIn(browser, user, javaScriptEnabled);

    await page.goto("/account");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("heading", { level: 1, name: "アカウント" })).toBeVisible();
    await expect(page.locator("dl.details")).toContainText("ユーザー名");
    await expect(page.locator("dl.details")).toContainText("エクスプローラー");
    await axe(page, "/account in Japanese", javaScriptEnabled);
    await page.getByLabel("表示名").fill("山田 花子");
    await submit(page, "プロフィールを保存");
    await expect(page.getByText("プロフィールを保存しました。")).toBeVisible();
    await expect(page.getByLabel("表示名")).toHaveValue("山田 花子");

    await page.goto("/guide-application");
    await expect(page.getByRole("heading", { level: 1, name: "ガイドになる" })).toBeVisible();
    await axe(page, "/guide-application in Japanese", javaScriptEnabled);
    // Nothing filled in: the use case's English refusals come back in Japanese.
    await submit(page, "申請を送信");
    await expect(page.getByText("志望動機を入力してください。").first()).toBeVisible();
    await expect(page.getByText("教えたい科目を入力してください。").first()).toBeVisible();
    await expect(page.getByText("Motivation is required.")).toHaveCount(0);
    await axe(page, "/guide-application refused, in Japanese", javaScriptEnabled);
    await page.getByLabel("なぜ教えたいのですか？").fill("数学の楽しさを伝えたいからです。");
    await page.getByLabel("教えたい科目").fill("数学, 物理");
    await submit(page, "申請を送信");
    await expect(page).toHaveURL(/\/guide-application\?submitted=1$/);
    await expect(page.getByText("ありがとうございます。申請を送信しました。")).toBeVisible();
    await expect(page.getByText("申請は審査待ちです。", { exact: false })).toBeVisible();
    await expect(page.locator("dl.details")).toContainText("審査中");
    await axe(page, "/guide-application pending, in Japanese", javaScriptEnabled);
  });

  test(`in Japanese ${how}: accepting an invitation by signing up from its link`, async ({ browser, request }) => {
    allowSteps(10);
    const teacher = await apiUser(request);
    await grantInvite(teacher.username);
    const inviteeEmail = `${uniq("invitee")}@example.com`;
    const teacherContext = await browser.newContext();
    const teacherPage = await teacherContext.newPage();
    await signIn(teacherPage, teacher.username, PASSWORD);
    await teacherPage.goto("/invitations");
    await teacherPage.getByLabel("Their email").fill(inviteeEmail);
    await submit(teacherPage, "Send invitation");
    await expect(teacherPage.getByRole("status")).toHaveText(`Invitation sent to ${inviteeEmail}.`);
    await teacherContext.close();

    const context = await browser.newContext({ locale: "ja-JP", javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(await linkFromMailbox(inviteeEmail));
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("heading", { level: 1, name: `${teacher.username}さんから教師としての招待が届いています` })).toBeVisible();
    await expect(page.getByText(`この招待は${inviteeEmail}宛てに送られており`, { exact: false })).toBeVisible();
    await expect(page.getByRole("heading", { name: "アカウントを作成" })).toBeVisible();
    await axe(page, "/accept-invitation in Japanese", javaScriptEnabled);
    const username = uniq("jaguide");
    // The shared sign-up fields are another page's words: found by name, not label.
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole("button", { name: "アカウントを作成して承諾" }).click();
    await expect(page).toHaveURL(/\/account\?invitation=accepted$/);
    await expect(page.getByRole("status")).toHaveText("招待を承諾しました。これでZporta Academyのガイドです。");
    await expect(page.locator("dl.details")).toContainText("エクスプローラー兼ガイド");
    // The new member keeps the language they signed up in.
    const { rows } = await sql(`SELECT p.locale FROM "Profile" p JOIN "User" u ON u.id = p."userId" WHERE u.username = $1`, [username]);
    expect(rows[0].locale).toBe("ja");
    await axe(page, "/account after accepting, in Japanese", javaScriptEnabled);

    // The spent link says so in Japanese.
    await page.goto(await linkFromMailbox(inviteeEmail));
    await expect(page.getByRole("heading", { level: 1, name: "この招待はすでに承諾されています" })).toBeVisible();
  });
}
