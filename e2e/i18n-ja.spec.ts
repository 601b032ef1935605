import path from "node:path";
import { expect, test, type Browser, type Page } from "./support/test";
import { axe } from "./support/axe";
import { apiUser, PASSWORD, submit, uniq } from "./support/accounts";
import { allowSteps } from "./support/flow";
import { mailedLink } from "./support/links";

// Issue 23: a browser asking for Japanese (Accept-Language ja-JP) gets the account pages
// in Japanese from the first byte, with and without JavaScript; the header's switch works
// without JavaScript; axe finds nothing on the Japanese pages.

const dir = process.env.SCREENSHOT_DIR ?? "test-results/screenshots";


async function japanese(browser: Browser, javaScriptEnabled: boolean, width = 1280) {
  const context = await browser.newContext({ locale: "ja-JP", javaScriptEnabled, viewport: { width, height: 800 } });
  return { context, page: await context.newPage() };
}

async function expectJapanese(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("link", { name: "Zporta Academy" })).toBeVisible();
}

async function signInJa(page: Page, identifier: string, password: string) {
  await page.getByLabel("ユーザー名またはメールアドレス").fill(identifier);
  await page.getByLabel("パスワード", { exact: true }).fill(password);
  await submit(page, "ログイン", { exact: true });
}

for (const js of [true, false]) {
  const how = js ? "with JavaScript" : "without JavaScript";

  test(`sign-up and sign-in in Japanese ${how}`, async ({ browser }) => {
    allowSteps(14);
    const { context, page } = await japanese(browser, js);
    const response = await page.goto("/signup");
    // The first byte already says Japanese: no English first, then a switch.
    expect(await response!.text()).toMatch(/^<!DOCTYPE html><html lang="ja"/i);
    await expectJapanese(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("アカウントを作成");
    if (js) await axe(page, "/signup (ja)");

    await submit(page, "アカウントを作成");
    await expect(page.locator("#form-error")).toContainText("ユーザー名を入力してください。");
    if (js) await axe(page, "/signup refused (ja)");

    const username = uniq("ja");
    await page.getByLabel("ユーザー名").fill(username);
    await page.getByLabel("メールアドレス").fill(`${username}@example.com`);
    await page.getByLabel("パスワード", { exact: true }).fill(PASSWORD);
    await submit(page, "アカウントを作成");
    if (js) {
      await expect(page).toHaveURL(/\/account$/);
      await page.getByRole("button", { name: "ログアウト" }).click();
      await expect(page).toHaveURL(/signed-out=1/);
      await expect(page.getByRole("status")).toHaveText("ログアウトしました。");
      await page.goto("/login");
    } else {
      await expect(page).toHaveURL(/\/login\?created=1/);
      await expect(page.getByRole("status")).toHaveText("アカウントを作成しました。続けるにはログインしてください。");
    }
    await expectJapanese(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ログイン");
    if (js) await axe(page, "/login (ja)");

    await signInJa(page, username, "wrong-password-1");
    await expect(page.locator("#form-error")).toHaveText("ユーザー名またはメールアドレス、もしくはパスワードが正しくありません。");
    if (js) await axe(page, "/login refused (ja)");
    await signInJa(page, username, PASSWORD);
    await expect(page).toHaveURL(/\/account$/);
    await expectJapanese(page);

    await page.goto("/account/security");
    await expectJapanese(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("セキュリティ");
    await expect(page.getByRole("heading", { name: "パスワードの変更" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "二段階認証" })).toBeVisible();
    if (js) await axe(page, "/account/security (ja)");
    await context.close();
  });

  test(`password reset in Japanese ${how}`, async ({ browser, request }) => {
    allowSteps(12);
    const user = await apiUser(request);
    const { context, page } = await japanese(browser, js);
    await page.goto("/forgot-password");
    await expectJapanese(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("パスワードをお忘れですか？");
    await page.getByLabel("メールアドレス").fill(user.email);
    await submit(page, "再設定用リンクを送信");
    await expect(page.getByRole("status")).toHaveText("このメールアドレスのアカウントが存在する場合、パスワード再設定用のリンクをお送りしました。");
    if (js) await axe(page, "/forgot-password sent (ja)");

    await page.goto(await mailedLink(user.email, "password_reset.requested"));
    await expectJapanese(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("新しいパスワードの設定");
    await page.getByLabel("新しいパスワード", { exact: true }).fill("a-new-Passw0rd!");
    await page.getByLabel("新しいパスワード（確認）").fill("another-Passw0rd!");
    await submit(page, "新しいパスワードを設定");
    await expect(page.locator("#form-error")).toContainText("2つのパスワードが一致しません。");
    if (js) await axe(page, "/reset-password-confirm refused (ja)");

    await page.getByLabel("新しいパスワード", { exact: true }).fill("a-new-Passw0rd!");
    await page.getByLabel("新しいパスワード（確認）").fill("a-new-Passw0rd!");
    await submit(page, "新しいパスワードを設定");
    await expect(page).toHaveURL(/\/login\?reset=1/);
    await expect(page.getByRole("status")).toHaveText("パスワードを再設定しました。新しいパスワードでログインしてください。");
    await signInJa(page, user.username, "a-new-Passw0rd!");
    await expect(page).toHaveURL(/\/account$/);
    await context.close();
  });
}

test("the header's switch goes from English to Japanese and back without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US", javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login?next=%2Faccount%2Fsecurity");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Faccount%2Fsecurity$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ログイン");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await context.close();
});

test("screenshots: /signup and /account/security in Japanese at 1280 and 390 px; a member who never chose reads the browser's language", async ({ browser, request }) => {
  allowSteps(8);
  const user = await apiUser(request);
  for (const width of [1280, 390]) {
    const { context, page } = await japanese(browser, true, width);
    await page.goto("/signup");
    await expectJapanese(page);
    await page.screenshot({ path: path.join(dir, `ja-signup-${width}.png`), fullPage: true });
    await page.goto("/login");
    await signInJa(page, user.username, user.password);
    await expect(page).toHaveURL(/\/account$/);
    await page.goto("/account/security");
    // Made through the API, the member never chose a language: the browser's Japanese wins
    // over the profile's default English (Profile.localeChosenAt, migration 20261207000700).
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expectJapanese(page);
    await page.screenshot({ path: path.join(dir, `ja-security-${width}.png`), fullPage: true });
    await context.close();
  }
});
