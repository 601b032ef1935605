import { startTestServer, type TestServer } from "../tests/support/stack";
import { PASSWORD, uniq } from "./support/accounts";
import { expect, test, type BrowserContext, type Page } from "./support/test";

// Issue 20 point 2 in Chromium with its virtual authenticator (CDP
// WebAuthn.addVirtualAuthenticator): add a passkey on /account/security, then sign in with
// it on a fresh context, with no username or password. WebAuthn refuses an IP address as
// RP ID, so this spec runs its own server whose public address is http://localhost:<port>.

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer(process.env.TEST_DATABASE_URL!, {}, 1, "localhost");
});

test.afterAll(async () => {
  await server?.stop();
});

async function virtualAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { cdp, authenticatorId };
}

test("add a passkey, then sign in with it on a fresh browser context", async ({ browser }) => {
  const username = uniq("pk");
  const first = await browser.newContext({ baseURL: server.baseUrl });
  const page = await first.newPage();
  expect((await page.request.post("/api/users/register/", { data: { username, email: `${username}@example.com`, password: PASSWORD } })).status()).toBe(201);
  const { cdp, authenticatorId } = await virtualAuthenticator(first, page);

  await page.goto("/login?next=/account/security");
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/security$/);

  await page.getByLabel("Passkey name").fill("Test laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Passkey added.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Passkeys" }).getByRole("cell", { name: "Test laptop", exact: true })).toBeVisible();

  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].isResidentCredential).toBe(true);
  await first.close();

  // A fresh context: no cookies; the same passkey on its authenticator.
  const second = await browser.newContext({ baseURL: server.baseUrl });
  const fresh = await second.newPage();
  const other = await virtualAuthenticator(second, fresh);
  await other.cdp.send("WebAuthn.addCredential", { authenticatorId: other.authenticatorId, credential: credentials[0] });
  // The username field offers passkeys in its autofill (conditional mediation). Read from
  // the page as served, fetched apart: in the browser the autofill may sign in and leave
  // /login before the live field, or even the navigation's response body, can be read.
  const served = await (await second.request.get("/login")).text();
  expect(served).toMatch(/<input[^>]*autocomplete="username webauthn"/i);
  // "commit": the autofill may navigate to /account before /login's load event, which
  // would abort a goto that waits for it; the ready mark is then /account's.
  await fresh.goto("/login", { waitUntil: "commit" });
  // The autofill request started on load may itself sign in (the virtual authenticator
  // answers conditional requests at once) before the button is pressed: on a busy machine
  // the page is already leaving for /account. Either way the passkey signed this browser in.
  await Promise.race([
    fresh.waitForURL(/\/account$/),
    fresh.getByRole("button", { name: "Sign in with a passkey" }).click().catch(() => undefined),
  ]);
  await expect(fresh).toHaveURL(/\/account$/);
  expect((await fresh.request.get("/api/users/profile/")).status()).toBe(200);
  await second.close();
});

test("without JavaScript the login page says passkeys need it, and the password still works", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.getByText("Passkeys need JavaScript")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await context.close();
});
