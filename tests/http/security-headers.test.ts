import { describe, expect, it } from "vitest";
import { isTokenPage, TOKEN_PAGE_PREFIXES } from "../../lib/http/security-headers";
import { registeredUser, sessionCookie } from "../support/auth";
import { baseUrl } from "../support/helpers";

// Security review L6/M7: every answer of the app carries the security headers as real
// response headers (pages, API routes, 404s, the staff 403 page), and token pages keep
// their address out of the Referer.

const get = (path: string, init: RequestInit = {}) => fetch(`${baseUrl()}${path}`, { redirect: "manual", ...init });

function expectCommonHeaders(res: Response, label: string) {
  expect(res.headers.get("x-content-type-options"), label).toBe("nosniff");
  expect(res.headers.get("x-frame-options"), label).toBe("DENY");
  const csp = res.headers.get("content-security-policy");
  expect(csp, label).toContain("frame-ancestors 'none'");
  expect(res.headers.get("permissions-policy"), label).toContain("camera=()");
  return csp!;
}

/** The nonce of a page's CSP, checked to be the only way its scripts may run. */
function scriptNonce(csp: string): string {
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src "))!;
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]+=*' 'strict-dynamic'$/);
  expect(csp).not.toContain("unsafe-eval");
  return /'nonce-([^']+)'/.exec(scriptSrc)![1];
}

describe("security headers", () => {
  it.each(["/", "/login", "/signup", "/account?x=1"])("page %s: headers, and every script carries this response's nonce", async (path) => {
    const res = await get(path);
    const csp = expectCommonHeaders(res, path);
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    if (res.status !== 200) return; // /account redirects anonymous visitors; the headers are what matter
    const nonce = scriptNonce(csp);
    const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("a fresh nonce for every page response", async () => {
    const [a, b] = await Promise.all([get("/login"), get("/login")]);
    expect(scriptNonce(a.headers.get("content-security-policy")!)).not.toBe(scriptNonce(b.headers.get("content-security-policy")!));
  });

  it.each([
    ["GET", "/api/health/live"],
    ["POST", "/api/users/login/"],
    ["GET", "/api/users/profile/"],
    ["GET", "/api/no-such-route/"],
  ])("API %s %s: headers, and a policy that lets nothing load, with and without an Origin", async (method, path) => {
    // Without an Origin the request skips proxy.ts (its matcher) and takes its headers from
    // next.config.js; with one it passes through proxy.ts. Both must answer the same.
    const answers = [];
    for (const origin of [undefined, baseUrl(), "https://elsewhere.example"]) {
      const headers: Record<string, string> = { "content-type": "application/json", ...(origin ? { origin } : {}) };
      const res = await get(path, { method, headers, body: method === "POST" ? "{}" : undefined });
      const label = `${path} (Origin: ${origin ?? "none"})`;
      const csp = expectCommonHeaders(res, label);
      expect(csp, label).toContain("default-src 'none'");
      expect(res.headers.get("referrer-policy"), label).toBe("strict-origin-when-cross-origin");
      // No header twice (both next.config.js and proxy.ts could set one).
      for (const name of ["content-security-policy", "x-frame-options", "x-content-type-options"]) expect(res.headers.get(name), label).not.toContain(",");
      if (path.startsWith("/api/users/")) expect(res.headers.get("vary"), label).toMatch(/^Origin(,|$)/i);
      // Every answer of a route carries the id to quote in a bug report.
      expect(res.headers.get("x-request-id"), label).toMatch(/^[A-Za-z0-9._:-]+$/);
      answers.push(res.status);
    }
    // The same answer from this site's own origin as from no origin (another site's POST
    // may be refused: lib/http/cross-site-message.ts).
    expect(answers[1], path).toBe(answers[0]);
  });

  it("next-auth's endpoints pass through the proxy: the request id it gives is the answer's", async () => {
    const res = await get("/api/auth/session", { headers: { "x-request-id": "session-probe-1" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("session-probe-1");
    expectCommonHeaders(res, "/api/auth/session");
  });

  it("an /api/ address no route answers: a JSON 404 with a request id, for any method; a known path's missing method stays 405", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      for (const path of ["/api/no-such-route/", "/api/users/no-such-route/", "/api/users/profile/extra/"]) {
        const res = await get(path, { method, headers: { "x-request-id": "unknown-path-1" } });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.headers.get("content-type"), `${method} ${path}`).toMatch(/^application\/json/);
        expect(await res.json()).toEqual({ detail: "Not found." });
        expect(res.headers.get("x-request-id"), `${method} ${path}`).toBe("unknown-path-1");
        expect(res.headers.get("cache-control")).toBe("no-store");
      }
    }
    expect((await get("/api/health/live", { method: "DELETE" })).status).toBe(405);
  });

  it("404 page: headers", async () => {
    const res = await get("/no-such-page");
    expect(res.status).toBe(404);
    expectCommonHeaders(res, "404");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("the staff area's 403 page: headers", async () => {
    const member = await registeredUser();
    const res = await get("/admin", { headers: { cookie: await sessionCookie(member.username, member.password) } });
    expect(res.status).toBe(403);
    expectCommonHeaders(res, "403");
  });

  it("token pages send Referrer-Policy: no-referrer as a header", async () => {
    for (const path of [`/accept-invitation?token=${"A".repeat(43)}`, "/accept-invitation", "/reset-password-confirm/x/y/", "/verify-email?token=x", "/magic-link/x"]) {
      const res = await get(path);
      expectCommonHeaders(res, path);
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
    }
  });

  it("Next's static files: nosniff", async () => {
    const html = await (await get("/login")).text();
    const asset = /(?:src|href)="(\/_next\/static\/[^"]+)"/.exec(html)![1];
    const res = await get(asset);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("the list of token pages", () => {
  it("matches the pages that carry a secret, and only those", () => {
    expect(TOKEN_PAGE_PREFIXES).toContain("/accept-invitation");
    for (const path of ["/accept-invitation", "/reset-password-confirm/abc/def/", "/reset-password-confirm", "/verify-email", "/magic-link/x", "/magic-login/NDI/abc/"]) {
      expect(isTokenPage(path), path).toBe(true);
    }
    for (const path of ["/", "/login", "/account", "/invitations", "/api/users/invitations/"]) expect(isTokenPage(path), path).toBe(false);
  });
});
