import { describe, expect, it } from "vitest";
import { isCrossSitePagePost } from "../../lib/http/cross-site-form";
import { baseUrl } from "../support/helpers";

// A page's form (a server action) posted from another site was answered with Next's bare
// 500 ("Invalid Server Actions request"; the 2026-12-06 security review's informational
// note). proxy.ts now answers 403 with a sentence first, with and without JavaScript.

const post = (path: string, headers: Record<string, string>, body: BodyInit) =>
  fetch(`${baseUrl()}${path}`, { method: "POST", headers, body, redirect: "manual" });

function loginForm(): FormData {
  const form = new FormData();
  form.set("username", "someone");
  form.set("password", "not-their-password");
  return form;
}

describe("a page's form posted from another site", () => {
  for (const [label, extra] of [
    ["as a plain form (no JavaScript)", {}],
    ["as a server action call (JavaScript)", { "next-action": "0".repeat(42) }],
  ] as const) {
    it(`${label}: 403 with a sentence, not a 500`, async () => {
      for (const origin of ["https://elsewhere.example", "null"]) {
        const res = await post("/login", { origin, ...extra }, loginForm());
        expect(res.status, origin).toBe(403);
        expect(res.headers.get("content-type")).toMatch(/^text\/html/);
        const html = await res.text();
        expect(html).toContain("This form was sent from another site, so nothing was done.");
        expect(html).not.toMatch(/Invalid Server Actions|stack|at .*\.js/);
      }
    });
  }

  it("from this site, or with no Origin at all, goes on to the page as before", async () => {
    for (const headers of [{ origin: new URL(baseUrl()).origin }, {}] as Record<string, string>[]) {
      const res = await post("/login", headers, loginForm());
      expect(res.status, JSON.stringify(headers)).not.toBe(403);
      expect(res.status, JSON.stringify(headers)).toBeLessThan(500);
    }
  });

  it("compares the Origin's host with X-Forwarded-Host's first value, else Host, as Next does", () => {
    const h = (values: Record<string, string>) => new Headers(values);
    expect(isCrossSitePagePost("POST", "/login", h({ origin: "https://a.example", host: "a.example" }))).toBe(false);
    expect(isCrossSitePagePost("POST", "/login", h({ origin: "https://a.example", host: "127.0.0.1:3000", "x-forwarded-host": "a.example, proxy" }))).toBe(false);
    expect(isCrossSitePagePost("POST", "/login", h({ origin: "https://b.example", host: "a.example" }))).toBe(true);
    expect(isCrossSitePagePost("POST", "/login", h({ origin: "not a url", host: "a.example" }))).toBe(true);
    expect(isCrossSitePagePost("POST", "/login", h({ host: "a.example" }))).toBe(false);
    expect(isCrossSitePagePost("GET", "/login", h({ origin: "https://b.example", host: "a.example" }))).toBe(false);
    // The JSON API has its own rule (lib/auth/who/request.ts, lib/http/cors.ts).
    expect(isCrossSitePagePost("POST", "/api/users/login/", h({ origin: "https://b.example", host: "a.example" }))).toBe(false);
  });
});
