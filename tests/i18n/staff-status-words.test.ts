import { describe, expect, it } from "vitest";
import { makeStaff, registeredUser, sessionCookie } from "../support/auth";
import { http, testDb } from "../support/helpers";
import { pageText } from "../support/invite";
import { waitFor } from "../support/wait";

// The staff lists name a status in the reader's language: the filters of the outbox, the
// guide applications and the invitations, the outbox's status column and message page,
// and the invitations' status column. They used to show the stored code ("pending") or
// English words on Japanese pages.

async function staffCookie(): Promise<string> {
  const staff = await registeredUser();
  await makeStaff(staff.username);
  return sessionCookie(staff.username, staff.password);
}

const page = async (path: string, cookie: string, locale: "en" | "ja") => {
  const res = await http(path, { cookie: `${cookie}; zporta_locale=${locale}` });
  expect(res.status, path).toBe(200);
  return pageText(res.text);
};

/** The filter's links, in order, as their visible words. */
const filterWords = (text: string, all: string, words: string[]) => expect(text).toContain([all, ...words].join(" "));

describe("status words on the staff lists", () => {
  it("in Japanese: the filters, the outbox's column and message page, the invitations' select", async () => {
    const cookie = await staffCookie();
    const member = await registeredUser(); // its verification email is a fresh outbox row
    // The server's outbox loop sends it meanwhile: read its status once it is settled.
    const row = await waitFor("the verification email delivered", () =>
      testDb().outbox.findFirst({ where: { to: member.email, status: "delivered" }, orderBy: { id: "desc" } }).then((r) => r ?? undefined),
    );

    const outbox = await page("/admin/outbox", cookie, "ja");
    filterWords(outbox, "すべて", ["送信待ち", "送信済み", "送信失敗"]);
    expect(await page(`/admin/outbox/${row.id}`, cookie, "ja")).toMatch(/状況 送信済み/);
    expect(await page("/admin/outbox?status=failed&page=999", cookie, "ja")).not.toMatch(/\bfailed\b/);

    filterWords(await page("/admin/guide-applications", cookie, "ja"), "すべて", ["審査待ち", "承認済み", "却下"]);
    const invitations = (await http("/admin/invitations", { cookie: `${cookie}; zporta_locale=ja` })).text;
    for (const word of ["承諾待ち", "承諾済み", "期限切れ", "取り消し済み"]) expect(invitations).toMatch(new RegExp(`<option value="\\w+">${word}</option>`));
  });

  it("in English: the words as before, capitalised in the filters", async () => {
    const cookie = await staffCookie();
    filterWords(await page("/admin/outbox", cookie, "en"), "All", ["Pending", "Delivered", "Failed"]);
    filterWords(await page("/admin/guide-applications", cookie, "en"), "All", ["Pending", "Approved", "Rejected"]);
    const invitations = (await http("/admin/invitations", { cookie: `${cookie}; zporta_locale=en` })).text;
    for (const word of ["Pending", "Accepted", "Expired", "Cancelled"]) expect(invitations).toMatch(new RegExp(`<option value="\\w+">${word}</option>`));
  });
});
