import { expect, test, type Page } from "./support/test";
import { axe } from "./support/axe";
import { apiUser, PASSWORD, signIn, sql, uniq } from "./support/accounts";
import { mailedLink } from "./support/links";

// Issue 21: a member changes their email address from the security page; the link sent
// to the new address makes the change; both addresses are told. With and without JavaScript.


for (const javaScriptEnabled of [true, false]) {
  test(`change the email address from the security page (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser, request }) => {
    const user = await apiUser(request);
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await signIn(page, user.username, user.password);
    await page.goto("/account/security");
    const section = page.locator("form", { has: page.getByRole("heading", { name: "Email address" }) });
    await expect(section.getByText(`Your email address is ${user.email}.`)).toBeVisible();

    // A wrong password: refused next to its field, the new address kept.
    const to = `${uniq("moved")}@example.org`;
    await section.getByLabel("New email address").fill(to);
    await section.getByLabel("Account password").fill("Wrong-Password-1");
    await section.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(page.locator("#email_password-error")).toHaveText("Password is incorrect.");
    await expect(section.getByLabel("New email address")).toHaveValue(to);

    await section.getByLabel("Account password").fill(PASSWORD);
    await section.getByRole("button", { name: "Send confirmation link" }).click();
    const sent = page.getByRole("status").filter({ hasText: "We sent a link to" });
    await expect(sent).toHaveText(`We sent a link to ${to}. Open it to confirm the new address; until then your email address stays the same.`);
    if (javaScriptEnabled) await expect(sent).toBeFocused();
    // axe once per page state, with JavaScript (the same markup is served without).
    if (javaScriptEnabled) await axe(page, "security page, change link sent");

    const link = await mailedLink(to, "email_change.link");
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Confirm your new email address" })).toBeVisible();
    await expect(page.getByText(`Move the account ${user.username} from ${user.email} to ${to}?`)).toBeVisible();
    if (javaScriptEnabled) await axe(page, "change-email link page");
    await page.getByRole("button", { name: "Confirm new email address" }).click();
    await expect(page).toHaveURL(/\/change-email\/done$/);
    await expect(page.getByRole("status")).toHaveText(`Your account now uses ${to}. We told your previous address too.`);
    if (javaScriptEnabled) await axe(page, "change-email done");

    const { rows } = await sql(`SELECT email, "emailVerifiedAt" IS NOT NULL AS verified FROM "User" WHERE username = $1`, [user.username]);
    expect(rows[0]).toEqual({ email: to, verified: true });
    const notices = await sql(`SELECT kind FROM "Outbox" WHERE "to" = $1 AND kind = 'email.changed.notice'`, [user.email]);
    expect(notices.rowCount).toBe(1);

    // The link is spent: opening it again says so.
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
    if (javaScriptEnabled) await axe(page, "change-email spent link");

    // The old address was not the one who asked: its notice undoes the change, from another browser.
    // On a phone: the page the notice opens must not scroll sideways, long addresses included.
    const owner = await browser.newContext({ javaScriptEnabled, viewport: { width: 320, height: 640 } });
    const ownerPage = await owner.newPage();
    await ownerPage.goto(await mailedLink(user.email, "email.changed.notice"));
    await expect(ownerPage.getByRole("heading", { name: "Undo the change of email address" })).toBeVisible();
    expect(await ownerPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expect(ownerPage.getByRole("listitem").filter({ hasText: "signs everyone out" })).toBeVisible();
    if (javaScriptEnabled) await axe(ownerPage, "undo page");
    await ownerPage.getByRole("button", { name: "Undo the change and secure my account" }).click();
    await expect(ownerPage).toHaveURL(/\/change-email\/undone$/);
    await expect(ownerPage.getByRole("status")).toContainText("everyone has been signed out");
    if (javaScriptEnabled) await axe(ownerPage, "undone page");
    const back = await sql(`SELECT email FROM "User" WHERE username = $1`, [user.username]);
    expect(back.rows[0].email).toBe(user.email);
    // The browser that made the change is signed out.
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login/);
    await owner.close();
    await context.close();
  });
}

test("in Japanese: the section, the link page and the emails", async ({ browser, request }) => {
  const user = await apiUser(request);
  await sql(`UPDATE "Profile" SET locale = 'ja' WHERE "userId" = (SELECT id FROM "User" WHERE username = $1)`, [user.username]);
  const context = await browser.newContext({ locale: "ja-JP" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("ユーザー名またはメールアドレス").fill(user.username);
  await page.getByLabel("パスワード", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/security");
  const to = `${uniq("ido")}@example.org`;
  await page.getByLabel("新しいメールアドレス").fill(to);
  await page.getByLabel("アカウントのパスワード").fill(PASSWORD);
  await page.getByRole("button", { name: "確認リンクを送信" }).click();
  await expect(page.getByRole("status").filter({ hasText: to })).toContainText("にリンクを送信しました");
  const mail = await sql(`SELECT subject FROM "Outbox" WHERE "to" = $1 AND kind = 'email_change.link'`, [to]);
  expect(mail.rows[0].subject).toBe("Zporta Academyの新しいメールアドレスを確認してください");
  await page.goto(await mailedLink(to, "email_change.link"));
  await page.getByRole("button", { name: "新しいメールアドレスを確定" }).click();
  await expect(page.getByRole("heading", { name: "メールアドレスを変更しました" })).toBeVisible();
  const notice = await sql(`SELECT "text" FROM "Outbox" WHERE "to" = $1 AND kind = 'email.changed.notice'`, [user.email]);
  expect(notice.rows[0].text).toContain("心当たりがない場合は、こちらから取り消してください");
  await page.goto(await mailedLink(user.email, "email.changed.notice"));
  await expect(page.getByRole("heading", { name: "メールアドレス変更の取り消し" })).toBeVisible();
  await page.getByRole("button", { name: "変更を取り消してアカウントを保護する" }).click();
  await expect(page.getByRole("heading", { name: "メールアドレスを元に戻しました" })).toBeVisible();
  await context.close();
});
