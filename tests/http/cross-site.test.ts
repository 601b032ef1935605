import { describe, expect, it } from "vitest";
import { registeredUser } from "../support/auth";
import { baseUrl, http, newUser, testDb } from "../support/helpers";

// Login and registration take credentials, not a session, so SameSite cookies do not
// protect them: without this refusal any web page could make its visitors' browsers try
// sign-ins and create accounts from their addresses (review M6, L2).

const REFUSED = '{"error":"Cross-site requests are not allowed."}';
const EVIL = "https://evil.example";

const form = (fields: Record<string, string>) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { "content-type": "application/x-www-form-urlencoded" },
});

describe("cross-site posts to /api/users/login/ and /api/users/register/", () => {
  it("a sign-in form posted from another site: 403 with one sentence, and no attempt is counted", async () => {
    const user = await registeredUser();
    // Six wrong passwords would lock this name at this address (LOGIN_MAX_FAILURES, 5) if counted.
    for (let i = 0; i < 6; i++) {
      const { body, headers } = form({ username: user.username, password: `Wrong-guess-${i}` });
      const res = await http("/api/users/login/", { body, headers: { ...headers, origin: EVIL, "sec-fetch-site": "cross-site" } });
      expect(res.status).toBe(403);
      expect(res.text).toBe(REFUSED);
    }
    const ok = await http("/api/users/login/", { body: { username: user.username, password: user.password } });
    expect(ok.status).toBe(200);
  });

  it.each([
    ["an Origin of another site", { origin: EVIL }],
    ["a sibling subdomain's Origin", { origin: "https://accounts.example.org.evil.example" }],
    ["Origin: null (sandboxed frame, file://)", { origin: "null" }],
    ["Sec-Fetch-Site: cross-site without Origin", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site without Origin", { "sec-fetch-site": "same-site" }],
    ["Sec-Fetch-Site: cross-site with this site's Origin", { origin: "SELF", "sec-fetch-site": "cross-site" }],
  ])("login with %s: 403", async (_name, extra) => {
    const user = await registeredUser();
    const headers = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, v === "SELF" ? baseUrl() : v]));
    const res = await http("/api/users/login/", { body: { username: user.username, password: user.password }, headers });
    expect(res.status).toBe(403);
    expect(res.text).toBe(REFUSED);
    expect(res.json).not.toHaveProperty("token");
  });

  it("a sign-up form posted from another site: 403, and no account is made", async () => {
    const input = newUser();
    const { body, headers } = form({ username: input.username, email: input.email, password: input.password });
    for (const extra of [{ origin: EVIL }, { "sec-fetch-site": "cross-site" }] as Record<string, string>[]) {
      const res = await http("/api/users/register/", { body, headers: { ...headers, ...extra } });
      expect(res.status).toBe(403);
      expect(res.text).toBe(REFUSED);
    }
    // Malformed bodies are refused the same way: nothing is read first.
    const junk = await http("/api/users/register/", { body: "{not json", headers: { origin: EVIL } });
    expect(junk.text).toBe(REFUSED);
    expect(await testDb().user.count({ where: { username: input.username } })).toBe(0);
  });

  it("clients that send no Origin (apps, scripts, curl) and this site's own pages are served as before", async () => {
    const user = await registeredUser();
    const login = { username: user.username, password: user.password };
    expect((await http("/api/users/login/", { body: login })).status).toBe(200);
    expect((await http("/api/users/login/", { body: login, origin: true, headers: { "sec-fetch-site": "same-origin" } })).status).toBe(200);
    expect((await http("/api/users/register/", { body: newUser() })).status).toBe(201);
    expect((await http("/api/users/register/", { body: newUser(), origin: true, headers: { "sec-fetch-site": "same-origin" } })).status).toBe(201);
  });
});
