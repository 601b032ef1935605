import { randomBytes } from "node:crypto";
import { inject, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticateCredentials } from "../lib/auth/authenticate";
import { loginUrl, safeNextPath } from "../lib/auth/next-path";
import { decodeSession, encodeSession } from "../lib/auth/session-cookie";
import { DomainError } from "../lib/errors";
import { logger } from "../lib/log/logger";
import { createLimiters, RateLimitedError } from "../lib/security/rate-limits";
import { verifyPassword } from "../lib/users/password-hash";
import { registerUser } from "../lib/users/register";
import { newUser, testDb, uniq } from "./support/helpers";

// The sign-in use case in-process: what cannot be seen from outside (which hash was
// checked), and the rate limits with their own small configuration.

vi.mock("../lib/users/password-hash", async (importOriginal) => {
  const real = await importOriginal<typeof import("../lib/users/password-hash")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

beforeAll(() => {
  // The rate limiter's store uses the app's client (getDb), which reads DATABASE_URL.
  process.env.DATABASE_URL = inject("databaseUrl");
  // A throw-away key for this process's session cookies (never .data/auth-secret).
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
});

function limiters(points = 5) {
  return createLimiters({
    prefix: uniq("t"),
    loginPerUserAndIp: { points, durationSeconds: 600 },
    loginPerIp: { points: 1000, durationSeconds: 600 },
    registerPerIp: { points: 1000, durationSeconds: 600 },
  });
}

const quiet = logger.child({}, { level: "silent" });
const ARGON2ID_DEFAULTS = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/;

describe("authenticateCredentials", () => {
  it("does the same hash work for an unknown name as for a wrong password (no enumeration by timing)", async () => {
    const input = newUser();
    await registerUser(input, testDb());
    const verify = vi.mocked(verifyPassword);
    const l = limiters();

    verify.mockClear();
    await expect(authenticateCredentials({ username: input.username, password: "Wrong-pass-1" }, { db: testDb(), ip: "10.0.0.1", via: "api", log: quiet, limiters: l })).rejects.toThrow("Invalid credentials");
    expect(verify).toHaveBeenCalledTimes(1);
    const knownHash = verify.mock.calls[0][0];

    verify.mockClear();
    await expect(authenticateCredentials({ username: uniq("ghost"), password: "Wrong-pass-1" }, { db: testDb(), ip: "10.0.0.1", via: "api", log: quiet, limiters: l })).rejects.toThrow("Invalid credentials");
    expect(verify).toHaveBeenCalledTimes(1);
    const dummyHash = verify.mock.calls[0][0];

    // Same algorithm and parameters, different hash: the same work, and no real account's.
    expect(knownHash).toMatch(ARGON2ID_DEFAULTS);
    expect(dummyHash).toMatch(ARGON2ID_DEFAULTS);
    expect(dummyHash).not.toBe(knownHash);
  });

  it("checks the password of an inactive account too, then refuses it like a wrong one", async () => {
    const input = newUser();
    const user = await registerUser(input, testDb());
    await testDb().user.update({ where: { id: user.id }, data: { isActive: false } });
    const verify = vi.mocked(verifyPassword);
    verify.mockClear();
    const err = await authenticateCredentials({ username: input.username, password: input.password }, { db: testDb(), ip: "10.0.0.2", via: "page", log: quiet, limiters: limiters() }).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: "invalid_credentials", message: "Invalid credentials", status: 400 });
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it("returns the user (id, username, email, staff flag, role) and records lastLogin", async () => {
    const input = newUser({ role: "both" });
    const created = await registerUser(input, testDb());
    const user = await authenticateCredentials({ username: input.email.toUpperCase(), password: input.password }, { db: testDb(), ip: "10.0.0.3", via: "page", log: quiet, limiters: limiters() });
    expect(user).toEqual({ id: created.id, username: input.username, email: input.email, isStaff: false, role: "both" });
    const row = await testDb().user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.lastLogin).toBeInstanceOf(Date);
  });

  it("refuses the 6th attempt after 5 failures, even with the right password, and tells how long to wait", async () => {
    const input = newUser();
    await registerUser(input, testDb());
    const l = limiters(5);
    const ctx = { db: testDb(), ip: "10.0.0.4", via: "api" as const, log: quiet, limiters: l };
    for (let i = 0; i < 5; i++) {
      await expect(authenticateCredentials({ username: input.username, password: `Wrong-${i}` }, ctx)).rejects.toMatchObject({ code: "invalid_credentials" });
    }
    const err = await authenticateCredentials({ username: input.username, password: input.password }, ctx).catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err.status).toBe(429);
    expect(err.retryAfterSeconds).toBeGreaterThan(500);
    expect(err.message).toBe(`Too many attempts. Try again in ${err.retryAfterSeconds} seconds.`);
    // The same account from another address is not locked out.
    await expect(authenticateCredentials({ username: input.username, password: input.password }, { ...ctx, ip: "10.0.0.5" })).resolves.toMatchObject({ username: input.username });
  });

  it("counts failures per name typed, so they do not tell which email belongs to a username (review L1)", async () => {
    // The review's probe: 4 wrong as the username, then 2 as a candidate address. Before,
    // the 6th answered 429 exactly when the address was the account's own email.
    const input = newUser();
    await registerUser(input, testDb());
    const answers = async (candidate: string, ip: string) => {
      const ctx = { db: testDb(), ip, via: "api" as const, log: quiet, limiters: limiters(5) };
      for (let i = 0; i < 4; i++) await authenticateCredentials({ username: input.username, password: `Wrong-${i}` }, ctx).catch(() => {});
      const out: string[] = [];
      for (let i = 0; i < 2; i++) {
        const err = await authenticateCredentials({ username: candidate, password: `Wrong-x${i}` }, ctx).catch((e) => e);
        out.push(err instanceof RateLimitedError ? "429" : err.code);
      }
      return out;
    };
    const own = await answers(input.email.toUpperCase(), "10.0.0.6");
    const unrelated = await answers(`${uniq("other")}@example.com`, "10.0.0.16");
    expect(own).toEqual(["invalid_credentials", "invalid_credentials"]);
    expect(own).toEqual(unrelated);
  });

  it("limits failures per address whatever names are tried", async () => {
    const l = createLimiters({
      prefix: uniq("t"),
      loginPerUserAndIp: { points: 5, durationSeconds: 600 },
      loginPerIp: { points: 3, durationSeconds: 600 },
      registerPerIp: { points: 1000, durationSeconds: 600 },
    });
    const ctx = { db: testDb(), ip: "10.0.1.1", via: "api" as const, log: quiet, limiters: l };
    for (let i = 0; i < 3; i++) {
      await expect(authenticateCredentials({ username: uniq("ghost"), password: "x-y-z" }, ctx)).rejects.toMatchObject({ code: "invalid_credentials" });
    }
    await expect(authenticateCredentials({ username: uniq("ghost"), password: "x-y-z" }, ctx)).rejects.toBeInstanceOf(RateLimitedError);
    await expect(authenticateCredentials({ username: uniq("ghost"), password: "x-y-z" }, { ...ctx, ip: "10.0.1.2" })).rejects.toMatchObject({ code: "invalid_credentials" });
  });

  it("a success forgets the account's failures", async () => {
    const input = newUser();
    await registerUser(input, testDb());
    const ctx = { db: testDb(), ip: "10.0.0.7", via: "api" as const, log: quiet, limiters: limiters(3) };
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) {
        await expect(authenticateCredentials({ username: input.username, password: `Wrong-${i}` }, ctx)).rejects.toMatchObject({ code: "invalid_credentials" });
      }
      await expect(authenticateCredentials({ username: input.username, password: input.password }, ctx)).resolves.toBeTruthy();
    }
  });

  it("20 simultaneous wrong guesses against a limit of 5: exactly 5 are checked, 15 refused", async () => {
    const input = newUser();
    await registerUser(input, testDb());
    const ctx = { db: testDb(), ip: "10.0.0.8", via: "api" as const, log: quiet, limiters: limiters(5) };
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => authenticateCredentials({ username: input.username, password: `Wrong-${i}` }, ctx)),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as DomainError).code : "ok"));
    expect(codes.filter((c) => c === "invalid_credentials")).toHaveLength(5);
    expect(codes.filter((c) => c === "rate_limited")).toHaveLength(15);
  });
});

describe("session cookies", () => {
  it("round-trips the claims through next-auth's encryption", async () => {
    const value = await encodeSession({ id: 7, username: "ann", email: "ann@example.com", isStaff: true, role: "guide" });
    expect(value.split(".")).toHaveLength(5); // a JWE, not a readable JWT
    expect(value).not.toContain("ann");
    expect(await decodeSession(value)).toMatchObject({ uid: 7, username: "ann", isStaff: true, role: "guide" });
  });

  it("refuses tampered, foreign and empty values", async () => {
    const value = await encodeSession({ id: 7, username: "ann", email: "ann@example.com", isStaff: false, role: "explorer" });
    const tampered = value.slice(0, -3) + (value.endsWith("AAA") ? "BBB" : "AAA");
    expect(await decodeSession(tampered)).toBeNull();
    expect(await decodeSession("")).toBeNull();
    expect(await decodeSession("not.a.token")).toBeNull();
  });
});

describe("the next= parameter", () => {
  it.each([
    ["/admin", "/admin"],
    ["/admin/applications?status=pending", "/admin/applications?status=pending"],
    ["//evil.example/x", "/account"],
    ["/\\evil.example", "/account"],
    ["https://evil.example/", "/account"],
    ["javascript:alert(1)", "/account"],
    ["/ok\nSet-Cookie: x", "/account"],
    [undefined, "/account"],
  ])("safeNextPath(%j) = %j", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it("builds /login?next=…", () => {
    expect(loginUrl("/admin?x=1")).toBe("/login?next=%2Fadmin%3Fx%3D1");
    expect(loginUrl("//evil")).toBe("/login");
  });
});
