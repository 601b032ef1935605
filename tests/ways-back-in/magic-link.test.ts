import { describe, expect, it } from "vitest";
import { userForSession } from "../../lib/auth/credentials/session-rows";
import { INVALID_MAGIC_LINK } from "../../lib/magic-link/messages";
import { signInWithMagicLink } from "../../lib/magic-link/sign-in";
import { apiLogin, registeredUser } from "../support/auth";
import { baseUrl, http, refusal, testDb, uniq, withPg } from "../support/helpers";
import { pageText } from "../support/invite";
import { emailCount, mailedLink } from "../support/links";
import { testContext } from "../support/context";

// Issue 11 point 3: POST /api/users/magic-link-request/, the old GET
// /api/users/magic-link-login/<uid>/<token>/ and our /magic-login/ page.

const REQUEST = "/api/users/magic-link-request/";
const SENT = { detail: "If an account with that email exists, a login link has been sent." };
const KIND = "magic_link.requested";
const db = () => testDb();

async function magicLink(email: string) {
  const res = await http(REQUEST, { body: { email } });
  expect(res.json).toEqual(SENT);
  return mailedLink(db(), email, KIND);
}

describe("POST /api/users/magic-link-request/", () => {
  it("the same answer for known, unknown and malformed addresses; only the known one gets a link", async () => {
    const user = await registeredUser();
    const unknown = `${uniq("nobody")}@example.com`;
    for (const email of [user.email, unknown, "not an address"]) {
      const res = await http(REQUEST, { body: { email } });
      expect(res.status).toBe(200);
      expect(res.json).toEqual(SENT);
    }
    expect(await emailCount(db(), unknown, KIND)).toBe(0);
    const link = await mailedLink(db(), user.email, KIND);
    expect(link.url).toBe(`${baseUrl()}/magic-login/${link.uid}/${link.token}/`);
  });

  it.each([[{}], [{ email: "" }], [{ email: null }], [{ email: 5 }]])("400 without an email: %j", async (body) => {
    const res = await http(REQUEST, { body });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: "Email field is required." });
  });

  it("a deactivated account gets no link", async () => {
    const user = await registeredUser();
    await withPg((c) => c.query(`UPDATE "User" SET "isActive" = false WHERE username = $1`, [user.username]));
    expect((await http(REQUEST, { body: { email: user.email } })).json).toEqual(SENT);
    expect(await emailCount(db(), user.email, KIND)).toBe(0);
  });
});

describe("using the link", () => {
  it("the old GET path redirects to our page, which shows a button; neither spends the link nor carries a session token", async () => {
    const user = await registeredUser();
    const link = await magicLink(user.email);
    const old = await http(`/api/users/magic-link-login/${link.uid}/${link.token}/`);
    expect(old.status).toBe(302);
    expect(old.headers.get("location")).toBe(`/magic-login/${link.uid}/${link.token}/`);
    expect(old.headers.get("set-cookie")).toBeNull();
    const page = await fetch(`${baseUrl()}/magic-login/${link.uid}/${link.token}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("set-cookie") ?? "").not.toContain("session-token");
    expect(pageText(await page.text())).toContain(`Sign in as ${user.username}`);
    // Still unspent: the button (the domain function behind it) signs in once.
    const { user: signedIn, secret } = await signInWithMagicLink(link, testContext({ ip: "198.51.100.9", userAgent: "test", db: db() }));
    expect(signedIn.username).toBe(user.username);
    expect((await userForSession(db(), secret))?.user.username).toBe(user.username);
    expect(await refusal(signInWithMagicLink(link, testContext({ db: db() })))).toMatchObject({ status: 400, message: INVALID_MAGIC_LINK });
  });

  it("a deactivated account cannot use a link issued before; a password change kills outstanding links", async () => {
    const user = await registeredUser();
    const link = await magicLink(user.email);
    await withPg((c) => c.query(`UPDATE "User" SET "isActive" = false WHERE username = $1`, [user.username]));
    expect(await refusal(signInWithMagicLink(link, testContext({ db: db() })))).toMatchObject({ message: INVALID_MAGIC_LINK });

    const other = await registeredUser();
    const otherLink = await magicLink(other.email);
    const token = (await apiLogin({ username: other.username, password: other.password })).json!.token as string;
    const NEW = "Fresh-Garden-42";
    expect((await http("/api/users/change-password/", { key: token, body: { current_password: other.password, new_password: NEW, confirm_new_password: NEW } })).status).toBe(200);
    expect(await refusal(signInWithMagicLink(otherLink, testContext({ db: db() })))).toMatchObject({ message: INVALID_MAGIC_LINK });
  });

  it("an unknown link's page says so", async () => {
    const html = await (await fetch(`${baseUrl()}/magic-login/NDI/${"C".repeat(43)}/`)).text();
    expect(pageText(html)).toContain(INVALID_MAGIC_LINK);
  });
});
