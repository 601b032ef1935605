import { describe, expect, it } from "vitest";
import { repairedTokenPageOrigin } from "../../lib/http/token-page-origin";

// The proxy's one exception to "Origin: null is cross-site" (lib/http/token-page-origin.ts):
// only a POST to a token page that the browser itself says came from this site.

const headers = (h: Record<string, string>) => new Headers({ host: "accounts.example:3000", ...h });
const ownPost = { origin: "null", "sec-fetch-site": "same-origin" };

describe("repairedTokenPageOrigin", () => {
  it("gives a same-origin no-referrer form post on a token page the request's own origin", () => {
    for (const path of ["/reset-password-confirm/1/abc/", "/magic-login/1/abc/", "/verify-email/1/abc/", "/accept-invitation"]) {
      expect(repairedTokenPageOrigin("POST", path, headers(ownPost)), path).toBe("http://accounts.example:3000");
    }
  });

  it("follows X-Forwarded-Host and X-Forwarded-Proto as Next's check does (behind nginx)", () => {
    const behindProxy = headers({ ...ownPost, "x-forwarded-host": "learn.example, inner", "x-forwarded-proto": "https" });
    expect(repairedTokenPageOrigin("POST", "/magic-login/1/abc/", behindProxy)).toBe("https://learn.example");
  });

  it("leaves everything else alone: other sites, missing Fetch Metadata, real origins, other pages, GET", () => {
    const cases: [string, string, Record<string, string>][] = [
      ["POST", "/reset-password-confirm/1/abc/", { origin: "null", "sec-fetch-site": "cross-site" }],
      ["POST", "/reset-password-confirm/1/abc/", { origin: "null", "sec-fetch-site": "same-site" }],
      ["POST", "/reset-password-confirm/1/abc/", { origin: "null" }],
      ["POST", "/reset-password-confirm/1/abc/", { origin: "https://evil.example", "sec-fetch-site": "same-origin" }],
      ["POST", "/reset-password-confirm/1/abc/", { "sec-fetch-site": "same-origin" }],
      ["POST", "/account/security", ownPost],
      ["POST", "/login", ownPost],
      ["GET", "/reset-password-confirm/1/abc/", ownPost],
    ];
    for (const [method, path, h] of cases) expect(repairedTokenPageOrigin(method, path, headers(h)), `${method} ${path} ${JSON.stringify(h)}`).toBeNull();
  });
});
