import type { Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { GOOGLE_TEST_CLIENT, startFakeGoogle, type FakeGoogle } from "../support/google";
import { registeredUser, sessionCookie } from "../support/auth";
import { http, testDb, uniq, withPg } from "../support/helpers";
import { startTestServer, type TestServer } from "../support/stack";

// Issue 11 point 4: the "Sign in with Google" button on /login and /signup, shown only
// when GOOGLE_CLIENT_ID is set. The browser never reaches Google: its sign-in script is
// replaced by a stand-in that draws a button and hands the page an ID token minted by
// tests/support/google.ts, as Google's script would after the person picks an account.

const GOOGLE_SCRIPT = "https://accounts.google.com/gsi/client";
const STAND_IN = `
window.google = { accounts: { id: {
  initialize(options) { window.__gis = options; },
  renderButton(parent) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Sign in with Google";
    button.onclick = () => window.__gis.callback({ credential: window.__credential });
    parent.appendChild(button);
  },
} } };`;

let fake: FakeGoogle;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  fake = await startFakeGoogle();
  server = await startTestServer(inject("databaseUrl"), {
    GOOGLE_CLIENT_ID: GOOGLE_TEST_CLIENT,
    GOOGLE_JWKS_URL: fake.jwksUrl,
    RATE_LIMIT_PREFIX: uniq("rlgbutton"),
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.stop();
});

async function googlePage(path: string, cookie?: string) {
  const context = await browser.newContext({ baseURL: server.baseUrl });
  if (cookie) {
    const [name, ...value] = cookie.split("=");
    await context.addCookies([{ name, value: value.join("="), url: server.baseUrl }]);
  }
  await context.route(GOOGLE_SCRIPT, (route) => route.fulfill({ contentType: "text/javascript", body: STAND_IN }));
  const page = await context.newPage();
  await page.goto(path);
  return { page, context };
}

describe("the Google button", () => {
  it("configured: /login and /signup show it, and their CSP lets Google's sign-in in and nothing more", async () => {
    for (const path of ["/login", "/signup"]) {
      const res = await http(path, { base: server.baseUrl });
      expect(res.text, path).toContain("data-google-button");
      const csp = res.headers.get("content-security-policy")!;
      expect(csp, path).toContain("frame-src https://accounts.google.com/gsi/");
      expect(csp, path).toContain("connect-src 'self' https://accounts.google.com/gsi/");
    }
    const other = await http("/forgot-password", { base: server.baseUrl });
    expect(other.headers.get("content-security-policy")).not.toContain("google");
  });

  it("comes first with an 'or' divider, and goes away quietly when Google's script cannot load (issue 21 point 3)", async () => {
    const shown = await googlePage("/signup");
    try {
      const block = shown.page.locator(".google-sign-in");
      await shown.page.getByRole("button", { name: "Sign in with Google" }).waitFor();
      expect(await block.locator(".divider").textContent()).toBe("or");
      // Before the form: the first field comes after it in the page.
      expect(await block.evaluate((b) => Boolean(b.compareDocumentPosition(document.getElementById("username")!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    } finally {
      await shown.context.close();
    }
    const context = await browser.newContext({ baseURL: server.baseUrl });
    try {
      await context.route(GOOGLE_SCRIPT, (route) => route.abort());
      const page = await context.newPage();
      const failed = page.waitForEvent("requestfailed", (r) => r.url().startsWith(GOOGLE_SCRIPT));
      await page.goto("/login");
      await failed;
      // Hydrated (so the script was tried) and hidden again (so its failure was seen).
      await page.waitForFunction(() => document.documentElement.hasAttribute("data-hydrated") && (document.querySelector(".google-sign-in") as HTMLElement | null)?.hidden === true);
      expect(await page.locator(".google-sign-in").isVisible()).toBe(false);
      expect(await page.locator(".google-sign-in [role=alert]").count()).toBe(0);
      expect(await page.getByText("could not be loaded").count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("not configured (the suite's main server): no button, no Google in the CSP", async () => {
    for (const path of ["/login", "/signup"]) {
      const res = await http(path);
      expect(res.text, path).not.toContain("data-google-button");
      expect(res.headers.get("content-security-policy"), path).not.toContain("google");
    }
  });

  it("a new member signs in with Google on /login and lands where they were going, signed in", async () => {
    const email = `${uniq("gbutton")}@gmail.example`;
    const { page, context } = await googlePage("/login?next=/account/security");
    const button = page.getByRole("button", { name: "Sign in with Google" });
    await button.waitFor();
    expect(await page.evaluate(() => (window as unknown as { __gis: { client_id: string } }).__gis.client_id)).toBe(GOOGLE_TEST_CLIENT);
    await page.evaluate((token) => ((window as unknown as { __credential: string }).__credential = token), await fake.idToken({ email, given_name: "Grace" }));
    await button.click();
    // The path, not the whole address: /login?next=/account/security ends the same way.
    await page.waitForURL((url) => url.pathname === "/account/security");
    const user = await testDb().user.findFirstOrThrow({ where: { email }, select: { username: true, emailVerifiedAt: true } });
    expect(user.emailVerifiedAt).not.toBeNull();
    await page.goto("/account");
    await expect.poll(() => page.locator("body").innerText()).toContain(user.username);
    await context.close();
  });

  it("a token Google's check refuses: the page says so and nobody is signed in", async () => {
    const { page, context } = await googlePage("/signup");
    const button = page.getByRole("button", { name: "Sign in with Google" });
    await button.waitFor();
    await page.evaluate((token) => ((window as unknown as { __credential: string }).__credential = token), await fake.idToken({ email: `${uniq("g")}@gmail.example`, aud: "someone-else" }));
    await button.click();
    await page.getByRole("alert").filter({ hasText: "Invalid Google token." }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/signup");
    const session = await page.request.get("/api/auth/session");
    expect(await session.json()).toEqual({});
    await context.close();
  });

  it("staff signed in with their password link Google on /account/security; then Google signs them in, and they can unlink it", async () => {
    const staff = await registeredUser();
    await withPg((c) => c.query(`UPDATE "User" SET "isStaff" = true WHERE username = $1`, [staff.username]));
    const sub = uniq("sub");
    // By address alone Google is refused for staff.
    const refused = await http("/api/users/google-login/", { base: server.baseUrl, body: { token: await fake.idToken({ email: staff.email, sub }) } });
    expect(refused.status).toBe(403);

    const { page, context } = await googlePage("/account/security", await sessionCookie(staff.username, staff.password, server.baseUrl));
    await page.getByRole("heading", { name: "Google sign-in" }).waitFor();
    const button = page.getByRole("button", { name: "Sign in with Google" });
    await button.waitFor();
    await page.evaluate((token) => ((window as unknown as { __credential: string }).__credential = token), await fake.idToken({ email: staff.email, sub }));
    await button.click();
    await expect.poll(() => page.locator("body").innerText(), { timeout: 30_000 }).toContain("Linked on");
    const again = await http("/api/users/google-login/", { base: server.baseUrl, body: { token: await fake.idToken({ email: staff.email, sub }) } });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ user: { username: staff.username } });

    await page.getByRole("button", { name: "Unlink Google" }).click();
    // The page is rendered again without the link (the button's own status goes with it).
    await expect.poll(() => page.locator("body").innerText(), { timeout: 30_000 }).toContain("Not linked.");
    expect((await http("/api/users/google-login/", { base: server.baseUrl, body: { token: await fake.idToken({ email: staff.email, sub }) } })).status).toBe(403);
    await context.close();
  });
});
