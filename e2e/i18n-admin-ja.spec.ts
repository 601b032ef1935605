import { expect, test, type Page } from "./support/test";
import { axe } from "./support/axe";
import { apiUser, makeStaff, signIn, sql } from "./support/accounts";

// Issue 23, the staff area: a staff member whose saved language is Japanese reads the
// overview, the member list and a member page in Japanese (from the server's first byte),
// acts on a member and reads the outcome in Japanese; axe finds nothing on any of them.


test("a staff member with locale ja sees the overview, the member list and a member page in Japanese", async ({ browser, request }) => {
  const context = await browser.newContext();
  try {
    const staff = await apiUser(request);
    await makeStaff(staff.username);
    const member = await apiUser(request);
    await sql(`UPDATE "Profile" SET locale = 'ja' WHERE "userId" = (SELECT id FROM "User" WHERE username = $1)`, [staff.username]);
    const page = await context.newPage();
    await signIn(page, staff.username, staff.password);

    // The overview: the server's HTML is already Japanese (no flash of English).
    const first = await page.request.get("/admin");
    const html = await first.text();
    expect(html).toContain('<html lang="ja"');
    expect(html).toContain("スタッフエリア");
    expect(html).not.toContain("Needs attention");

    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: "スタッフエリア" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "対応が必要な項目" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "スタッフエリア" }).getByRole("link", { name: "監査ログ" })).toBeVisible();
    await expect(page.getByRole("img", { name: /^1日ごとの新規登録数。/ })).toBeVisible();
    await expect(page.locator("main")).toContainText(/人の会員/);
    await axe(page, "/admin in Japanese");

    // The member list, found by username.
    await page.getByRole("link", { name: "会員を探す" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "会員" })).toBeVisible();
    await page.getByRole("searchbox", { name: "検索" }).fill(member.username);
    await page.getByRole("searchbox", { name: "検索" }).press("Enter");
    await expect(page).toHaveURL(/\/admin\/users\?q=/);
    await expect(page.getByText("1人の会員が該当します。")).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "最終ログイン" })).toBeVisible();
    await axe(page, "/admin/users in Japanese");

    // A hand-edited query: the use case's English refusal, read in Japanese.
    await page.goto("/admin/users?role=admin");
    await expect(page.getByText("役割はexplorer、guide、bothのいずれかにしてください。")).toBeVisible();
    await page.getByRole("link", { name: "すべての会員を表示" }).click();
    await page.getByRole("searchbox", { name: "検索" }).fill(member.username);
    await page.getByRole("searchbox", { name: "検索" }).press("Enter");
    await expect(page.getByText("1人の会員が該当します。")).toBeVisible();

    // The member page, and one action whose outcome the use case says in English.
    await page.getByRole("link", { name: member.username }).click();
    await expect(page.getByRole("heading", { level: 1, name: member.username })).toBeVisible();
    for (const heading of ["アカウント", "プロフィール", "スタッフの操作", "セッションと端末", "履歴"]) {
      await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    }
    await axe(page, "/admin/users/<id> in Japanese");

    await page.getByRole("group", { name: "操作" }).getByRole("radio", { name: "すべての端末からログアウトさせる", exact: true }).check();
    await page.getByLabel("理由", { exact: true }).fill("端末の紛失の連絡");
    await page.getByRole("button", { name: "次へ" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "よろしいですか？" })).toBeVisible();
    await axe(page, "the confirmation step in Japanese");
    await page.getByRole("button", { name: "はい、すべての端末からログアウトさせる" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${member.username}さんを` })).toContainText("セッションからログアウトさせました。");
    await page.reload();
    await expect(page.getByRole("rowheader", { name: "すべての端末からログアウトしました" }).first()).toBeVisible();
  } finally {
    await context.close();
  }
});

test("the staff area's other lists read in Japanese too, axe 0 on each", async ({ browser, request }) => {
  const context = await browser.newContext();
  try {
    const staff = await apiUser(request);
    await makeStaff(staff.username);
    await sql(`UPDATE "Profile" SET locale = 'ja' WHERE "userId" = (SELECT id FROM "User" WHERE username = $1)`, [staff.username]);
    const page = await context.newPage();
    await signIn(page, staff.username, staff.password);
    for (const [path, heading, role, name] of [
      ["/admin/audit", "監査ログ", "search", "監査ログを絞り込む"],
      ["/admin/outbox", "送信メール", "navigation", "配信状況で絞り込む"],
      ["/admin/invitations", "招待", "heading", "すべての招待"],
      ["/admin/guide-applications", "ガイド応募", "search", "応募を検索"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
      await expect(page.getByRole(role, { name, exact: true })).toBeVisible();
      await axe(page, `${path} in Japanese`);
    }
  } finally {
    await context.close();
  }
});
