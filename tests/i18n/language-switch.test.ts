import { describe, expect, it } from "vitest";
import { registeredUser, sessionCookie } from "../support/auth";
import { http, withPg } from "../support/helpers";

// The header's language switch (POST /language) and the language of the first byte.

function post(body: Record<string, string>, headers: Record<string, string> = {}) {
  return http("/language", {
    method: "POST",
    body: new URLSearchParams(body).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  });
}

const htmlLang = (html: string) => /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];

async function savedLocale(username: string): Promise<string> {
  return withPg(async (c) => {
    const { rows } = await c.query(`SELECT p.locale FROM "Profile" p JOIN "User" u ON u.id = p."userId" WHERE u.username = $1`, [username]);
    return rows[0].locale as string;
  });
}

describe("language of a page", () => {
  it("is English by default and Japanese for a browser asking for it, from the first byte", async () => {
    expect(htmlLang((await http("/login")).text)).toBe("en");
    const ja = await http("/login", { headers: { "accept-language": "ja-JP,ja;q=0.9,en;q=0.8" } });
    expect(htmlLang(ja.text)).toBe("ja");
    expect(ja.text).toContain("本文へ移動");
  });

  it("follows the zporta_locale cookie over Accept-Language", async () => {
    const res = await http("/login", { headers: { "accept-language": "en", cookie: "zporta_locale=ja" } });
    expect(htmlLang(res.text)).toBe("ja");
    const back = await http("/login", { headers: { "accept-language": "ja", cookie: "zporta_locale=en" } });
    expect(htmlLang(back.text)).toBe("en");
  });

  it("leaves the JSON API in English", async () => {
    const res = await http("/api/users/login/", { body: {}, headers: { "accept-language": "ja", cookie: "zporta_locale=ja" } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json)).not.toMatch(/[\u3040-\u30ff\u4e00-\u9faf]/);
  });
});

describe("POST /language", () => {
  it("sets the cookie for a year and goes back to the page it came from", async () => {
    const res = await post({ locale: "ja", next: "/signup?x=1" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/signup?x=1");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("zporta_locale="))!;
    expect(cookie).toMatch(/^zporta_locale=ja;/);
    expect(cookie).toMatch(/Max-Age=31536000/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it("never goes back to another site", async () => {
    for (const next of ["//evil.example/", "https://evil.example/", "/\\evil.example", "/%2e%2e//evil.example", ""]) {
      const res = await post({ locale: "en", next });
      expect(res.status).toBe(303);
      expect(res.headers.get("location"), next).toBe("/");
    }
  });

  it("refuses an unknown language or a body of the wrong shape with one sentence", async () => {
    for (const body of [{ locale: "fr", next: "/" }, { next: "/" }] as Record<string, string>[]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.text).toBe("Choose English or Japanese.");
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    const junk = await http("/language", { method: "POST", body: "\u0000{", headers: { "content-type": "multipart/form-data; boundary=x" } });
    expect(junk.status).toBe(400);
    expect(junk.text).toBe("Choose English or Japanese.");
  });

  it("refuses a cross-site form", async () => {
    const res = await post({ locale: "ja", next: "/" }, { "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("a member who never chose (the default 'en') reads the browser's language; once chosen, the choice wins", async () => {
    const user = await registeredUser();
    const session = await sessionCookie(user.username, user.password);
    expect(await savedLocale(user.username)).toBe("en");
    // Signed in with a Japanese browser, never having chosen: Japanese.
    const before = await http("/account/security", { headers: { cookie: session, "accept-language": "ja-JP,ja;q=0.9" } });
    expect(htmlLang(before.text)).toBe("ja");
    // Choosing English, the value already saved, is a choice too: the browser no longer decides.
    expect((await post({ locale: "en", next: "/" }, { cookie: session })).status).toBe(303);
    const after = await http("/account/security", { headers: { cookie: session, "accept-language": "ja-JP,ja;q=0.9" } });
    expect(htmlLang(after.text)).toBe("en");
  });

  it("saves a signed-in member's choice, which then beats the cookie and the browser", async () => {
    const user = await registeredUser();
    const session = await sessionCookie(user.username, user.password);
    expect(await savedLocale(user.username)).toBe("en");

    const res = await post({ locale: "ja", next: "/account/security" }, { cookie: session });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/account/security");
    expect(await savedLocale(user.username)).toBe("ja");

    // Another browser of the same member, with an English cookie and an English browser: still Japanese.
    const page = await http("/account/security", { headers: { cookie: `${session}; zporta_locale=en`, "accept-language": "en" } });
    expect(page.status).toBe(200);
    expect(htmlLang(page.text)).toBe("ja");

    await post({ locale: "en", next: "/" }, { cookie: session });
    expect(await savedLocale(user.username)).toBe("en");
  });
});
