import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseCorsOrigins } from "../../lib/http/cors";
import { registeredUser } from "../support/auth";
import { http, newUser } from "../support/helpers";
import { oneLine, startRefused } from "../support/start-refusal";
import { startTestServer, TEST_SERVER_ENV, type TestServer } from "../support/stack";

// The live frontend calls the users API from https://zportaacademy.com and
// https://www.zportaacademy.com with credentials (Django allowed both through
// django-cors-headers). With CORS_ALLOWED_ORIGINS naming them, their preflights are
// answered, their answers carry CORS headers, and their posts are not refused as
// cross-site (the apex's are "same-site" to the browser). Any other origin keeps the 403
// and gets no CORS header.

const APEX = "https://zportaacademy.com";
const WWW = "https://www.zportaacademy.com";
const EVIL = "https://evil.example";
const REFUSED = '{"error":"Cross-site requests are not allowed."}';

let server: TestServer;
const base = () => server.baseUrl;

beforeAll(async () => {
  server = await startTestServer(inject("databaseUrl"), { ...TEST_SERVER_ENV, CORS_ALLOWED_ORIGINS: `${APEX}, ${WWW}/` }, 1);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

const preflight = (path: string, origin: string, method = "POST") =>
  http(path, {
    base: base(),
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": method, "access-control-request-headers": "authorization,content-type", "sec-fetch-site": "same-site" },
  });

describe("CORS_ALLOWED_ORIGINS: the platform's origins", () => {
  it.each([
    ["/api/users/login/", "POST"],
    ["/api/users/profile/", "PATCH"],
    ["/api/users/invitations/accept/", "GET"],
  ])("a preflight for %s (%s) from an allowed origin: 204 with that exact origin, credentials, methods and headers", async (path, method) => {
    for (const origin of [APEX, WWW]) {
      const res = await preflight(path, origin, method);
      expect(res.status).toBe(204);
      expect(res.headers.get("access-control-allow-origin")).toBe(origin);
      expect(res.headers.get("access-control-allow-credentials")).toBe("true");
      expect(res.headers.get("access-control-allow-methods")).toContain(method);
      const allowed = res.headers.get("access-control-allow-headers")!.toLowerCase();
      for (const h of ["authorization", "content-type", "x-requested-with"]) expect(allowed).toContain(h);
      expect(res.headers.get("vary")).toMatch(/\bOrigin\b/);
    }
  });

  it("sign-in from the apex (Sec-Fetch-Site: same-site) and from www: 200 with a token and CORS headers; the token works from there", async () => {
    const user = await registeredUser();
    for (const [origin, site] of [[APEX, "same-site"], [WWW, "cross-site"]]) {
      const res = await http("/api/users/login/", {
        base: base(),
        body: { username: user.username, password: user.password },
        headers: { origin, "sec-fetch-site": site, "sec-fetch-mode": "cors" },
      });
      expect(res.status).toBe(200);
      expect(typeof res.json!.token).toBe("string");
      expect(res.headers.get("access-control-allow-origin")).toBe(origin);
      expect(res.headers.get("access-control-allow-credentials")).toBe("true");
      expect(res.headers.get("vary")).toMatch(/\bOrigin\b/);
      const profile = await http("/api/users/profile/", { base: base(), key: res.json!.token as string, headers: { origin, "sec-fetch-site": site } });
      expect(profile.status).toBe(200);
      expect(profile.json!.username).toBe(user.username);
      expect(profile.headers.get("access-control-allow-origin")).toBe(origin);
    }
  });

  it("register, magic-link request and password reset from the apex are not refused as cross-site", async () => {
    const headers = { origin: APEX, "sec-fetch-site": "same-site" };
    const reg = await http("/api/users/register/", { base: base(), body: newUser(), headers });
    expect(reg.status).toBe(201);
    expect(reg.headers.get("access-control-allow-origin")).toBe(APEX);
    const magic = await http("/api/users/magic-link-request/", { base: base(), body: { email: "nobody@example.com" }, headers });
    expect(magic.status).toBe(200);
    const reset = await http("/api/users/password-reset/", { base: base(), body: { email: "nobody@example.com" }, headers });
    expect(reset.status).toBe(200);
    // Google sign-in gets past the refusal to its own checks (no client id configured here).
    const google = await http("/api/users/google-login/", { base: base(), body: { token: "x" }, headers });
    expect(google.text).not.toBe(REFUSED);
  });
});

describe("any other origin: the 403 stays and no CORS header is sent", () => {
  it("a preflight from another origin: 403, no CORS header", async () => {
    for (const origin of [EVIL, "https://zportaacademy.com.evil.example", "http://zportaacademy.com", "null"]) {
      const res = await preflight("/api/users/login/", origin);
      expect(res.status).toBe(403);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    }
  });

  it("sign-in and sign-up posted from another origin: 403 with one sentence, no CORS header", async () => {
    const user = await registeredUser();
    for (const headers of [
      { origin: EVIL, "sec-fetch-site": "cross-site" },
      { origin: "http://zportaacademy.com", "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ] as Record<string, string>[]) {
      const res = await http("/api/users/login/", { base: base(), body: { username: user.username, password: user.password }, headers });
      expect(res.status).toBe(403);
      expect(res.text).toBe(REFUSED);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      const reg = await http("/api/users/register/", { base: base(), body: newUser(), headers });
      expect(reg.status).toBe(403);
    }
  });

  it("a token call from another origin works as for any client but carries no CORS header (the browser hides it)", async () => {
    const user = await registeredUser();
    const login = await http("/api/users/login/", { base: base(), body: { username: user.username, password: user.password } });
    const res = await http("/api/users/profile/", { base: base(), key: login.json!.token as string, headers: { origin: EVIL } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("pages outside /api/users/ get no CORS header even for an allowed origin", async () => {
    const res = await http("/api/health/live", { base: base(), headers: { origin: APEX } });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("the setting itself", () => {
  it("takes Django's comma-separated list, spaces and a trailing slash aside", () => {
    expect([...parseCorsOrigins(`${APEX}, ${WWW}/ ,http://localhost:3000`)]).toEqual([APEX, WWW, "http://localhost:3000"]);
    expect(parseCorsOrigins(undefined).size).toBe(0);
    expect(parseCorsOrigins("").size).toBe(0);
  });

  it.each(["zportaacademy.com", "https://zportaacademy.com/app", "ftp://zportaacademy.com", "https://user@zportaacademy.com", "*"])(
    "refuses %s with one sentence",
    (entry) => {
      expect(() => parseCorsOrigins(entry)).toThrow(/CORS_ALLOWED_ORIGINS: .* is not an origin such as https:\/\/zportaacademy\.com/);
    },
  );

  it("a malformed value stops the server at start with one sentence", async () => {
    const refusal = await startRefused({ CORS_ALLOWED_ORIGINS: "https://zportaacademy.com/app", NEXTAUTH_SECRET: randomBytes(48).toString("base64"), MAIL_DEV_MAILBOX: "1" });
    expect(refusal.code).toBe(1);
    expect(oneLine(refusal).msg).toMatch(/CORS_ALLOWED_ORIGINS: "https:\/\/zportaacademy\.com\/app" is not an origin/);
  }, 60_000);
});
