import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loginUrl, safeNextPath } from "../../lib/auth/who/next-path";
import { registeredUser, sessionCookie } from "../support/auth";
import { baseUrl } from "../support/helpers";

// Security review M1: the old sanitiser checked its input, then returned the URL parser's
// normalised path, which dot segments and backslashes had turned into "//evil.com".

const SITE = "https://site.example";

/** Where a browser would go when told to redirect to `target` from a page of this site. */
const resolvedOrigin = (target: string) => new URL(target, SITE).origin;

describe("safeNextPath: dot segments and backslashes (review M1)", () => {
  it.each([
    "/.//evil.com",
    "/./\\evil.com",
    "/%2e//evil.com",
    "/%2E//evil.com",
    "/..//evil.com",
    "/a/..//evil.com",
    "/x/../..//evil.com",
    "/.\\\\evil.com",
    "/.//\\evil.com",
    "/./%5Cevil.com",
    "/.//%5Cevil.com",
    "/%5Cevil.com",
    "/%255cevil.com",
    "/.%2e//evil.com",
    "/%2e%2E//evil.com",
    "/%252e//evil.com",
    "/a/%2e%2e/%2F%2Fevil.com",
    "/%2F%2Fevil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "/ok\r\nLocation: //evil.com",
    "/a/.",
    "/a/..",
    "/%E0%A4%A",
  ])("%j gives the fallback", (input) => {
    expect(safeNextPath(input)).toBe("/account");
    expect(safeNextPath(input, "")).toBe("");
    expect(loginUrl(input)).toBe("/login");
  });

  it.each([
    ["/admin/guide-applications?status=pending#top", "/admin/guide-applications?status=pending#top"],
    ["/accept-invitation?token=AbC-_123", "/accept-invitation?token=AbC-_123"],
    ["/search?q=a%2Fb", "/search?q=a%2Fb"],
    ["/caf\u00e9", "/caf%C3%A9"],
    ["/a.b/c..d/.e", "/a.b/c..d/.e"],
    ["/#//evil.com", "/#//evil.com"],
  ])("%j stays a path on this site: %j", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});

describe("safeNextPath: property", () => {
  // Fragments that the URL parser or a browser treats specially (weighted up: the old code
  // fell to "/.//x", which a uniform mix of fragments rarely builds), plus plain text, other
  // whitespace and unicode.
  const fragment = fc.oneof(
    { arbitrary: fc.constantFrom("/", "/", "/", "\\", ".", ".", "..", "%", "2e", "2E", "5c", "5C", "%2e", "%2E", "%5c", "%5C", "%25", "%2f"), weight: 12 },
    { arbitrary: fc.constantFrom("\t", "\n", "\r", " ", "\u0000", "\u00a0", "\u3000", "\uff0f", "\uff3c", "\u2028", "\ufeff", "\u200b"), weight: 2 },
    { arbitrary: fc.constantFrom("?", "#", "@", ":", "evil.com", "a", "x", "http:", "https:", "javascript:", "é", "ß", "🙂"), weight: 3 },
    { arbitrary: fc.string({ maxLength: 3 }), weight: 1 },
    { arbitrary: fc.string({ unit: "grapheme", maxLength: 3 }), weight: 1 },
  );
  const candidate = fc.oneof(
    { arbitrary: fc.array(fragment, { maxLength: 12 }).map((parts) => `/${parts.join("")}`), weight: 4 },
    { arbitrary: fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join("")), weight: 1 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 30 }), weight: 1 },
  );

  it("always answers a path that resolves to this site, starting with exactly one /", () => {
    fc.assert(
      fc.property(candidate, (input) => {
        for (const out of [safeNextPath(input), safeNextPath(input, "/")]) {
          expect(out.startsWith("/")).toBe(true);
          expect(out.startsWith("//")).toBe(false);
          expect(out.startsWith("/\\")).toBe(false);
          expect(resolvedOrigin(out)).toBe(SITE);
          expect(new URL(out, "http://other.example:8080").origin).toBe("http://other.example:8080");
          // Its own output is accepted unchanged: nothing is left for a second pass to normalise.
          expect(safeNextPath(out, "/fallback")).toBe(out);
        }
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("GET /login?next=… for a signed-in visitor", () => {
  /** The redirect target of a response: its Location header or a meta refresh in the page. */
  async function redirectTarget(res: Response): Promise<string | null> {
    if (res.status >= 300 && res.status < 400) return res.headers.get("location");
    const refresh = /<meta[^>]+http-equiv="refresh"[^>]+content="\d+;\s*url=([^"]*)"/i.exec(await res.text());
    return refresh ? refresh[1].replace(/&amp;/g, "&") : null;
  }

  it.each(["/.//evil.example", "/%2e//evil.example", "/..//evil.example", "/./%5Cevil.example", "/.//\\evil.example"])(
    "next=%j redirects to /account",
    async (next) => {
      const user = await registeredUser();
      const cookie = await sessionCookie(user.username, user.password);
      const res = await fetch(`${baseUrl()}/login?${new URLSearchParams({ next })}`, { headers: { cookie }, redirect: "manual" });
      const target = await redirectTarget(res);
      expect(target).toBe("/account");
      expect(resolvedOrigin(target!)).toBe(SITE);
    },
  );

  it("still follows a legitimate next=", async () => {
    const user = await registeredUser();
    const cookie = await sessionCookie(user.username, user.password);
    const res = await fetch(`${baseUrl()}/login?next=${encodeURIComponent("/guide-application?x=1")}`, { headers: { cookie }, redirect: "manual" });
    expect(await redirectTarget(res)).toBe("/guide-application?x=1");
  });
});
