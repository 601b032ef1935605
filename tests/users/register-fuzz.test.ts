import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { baseUrl } from "../support/helpers";

// Whatever arrives, the endpoint answers with a designed status, never a 5xx.
const ALLOWED = new Set([201, 400, 413, 415]);

async function send(body: string, contentType: string | null) {
  const headers: Record<string, string> = {};
  if (contentType !== null) headers["content-type"] = contentType;
  const res = await fetch(`${baseUrl()}/api/users/register/`, { method: "POST", headers, body });
  const text = await res.text();
  return { status: res.status, text };
}

const field = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "explorer", "guide", "both", "a@b.co", "SecurePass123!", "x".repeat(300)),
  fc.jsonValue({ maxDepth: 2 }),
);

const registrationLike = fc.record(
  { username: field, email: field, password: field, role: field, bio: field },
  { requiredKeys: [] },
);

describe("the register endpoint under arbitrary input", () => {
  it("answers only 201/400/413/415 to arbitrary JSON values", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), registrationLike), async (value) => {
        const res = await send(JSON.stringify(value) ?? "null", "application/json");
        expect(ALLOWED, `${res.status} ${res.text}`).toContain(res.status);
        expect(res.text).not.toMatch(/at \w+ \(|node_modules|Prisma/);
      }),
      { numRuns: 150 },
    );
  });

  it("answers only 201/400/413/415 to arbitrary strings and content types", async () => {
    const contentType = fc.oneof(
      fc.constant(null),
      fc.constantFrom(
        "application/json",
        "application/json; charset=utf-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "multipart/form-data; boundary=xyz",
        "text/plain",
        "application/vnd.api+json",
        "",
      ),
      fc.string({ maxLength: 40 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), contentType, async (body, type) => {
        const res = await send(body, type);
        expect(ALLOWED, `${res.status} ${res.text} for ${JSON.stringify(type)}`).toContain(res.status);
      }),
      { numRuns: 150 },
    );
  });
});
