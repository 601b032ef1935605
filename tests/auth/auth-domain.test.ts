import { randomBytes } from "node:crypto";
import { inject, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticateCredentials } from "../../lib/auth/sign-in/authenticate";
import { loginUrl, safeNextPath } from "../../lib/auth/who/next-path";
import { decodeSession, encodeSession } from "../../lib/auth/credentials/session-cookie";
import { DomainError } from "../../lib/errors";
import { logger } from "../../lib/log/logger";
import {
  createLimiters,
  limitRegistration,
  limitTokenIssuance,
  RateLimitConfigError,
  rateLimitConfigFromEnv,
  RateLimitedError,
  type RateLimitConfig,
} from "../../lib/security/rate-limits";
import { verifyPassword } from "../../lib/users/password-hash";
import { registerUser } from "../../lib/users/register";
import { newUser, testDb, uniq } from "../support/helpers";
import { waitFor } from "../support/wait";
import { testContext } from "../support/context";

// The sign-in use case in-process: what cannot be seen from outside (which hash was
// checked), and the rate limits with their own small configuration.

vi.mock("../../lib/users/password-hash", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../lib/users/password-hash")>();
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
    await registerUser(input, testContext());
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
    const user = await registerUser(input, testContext());
    await testDb().user.update({ where: { id: user.id }, data: { isActive: false } });
    const verify = vi.mocked(verifyPassword);
    verify.mockClear();
    const err = await authenticateCredentials({ username: input.username, password: input.password }, { db: testDb(), ip: "10.0.0.2", via: "page", log: quiet, limiters: limiters() }).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: "invalid_credentials", message: "Invalid credentials", status: 400 });
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it("reports that it reactivated a self-deactivated account, once (the /login page says so)", async () => {
    const input = newUser();
    const user = await registerUser(input, testContext());
    await testDb().user.update({ where: { id: user.id }, data: { isActive: false, selfDeactivated: true } });
    const ctx = { db: testDb(), ip: "10.0.0.4", via: "page" as const, log: quiet, limiters: limiters() };
    expect(await authenticateCredentials({ username: input.username, password: input.password }, ctx)).toMatchObject({ id: user.id, reactivated: true });
    expect(await authenticateCredentials({ username: input.username, password: input.password }, ctx)).toMatchObject({ id: user.id, reactivated: false });
  });

  it("returns the user (id, username, email, staff flag, role) and records lastLogin", async () => {
    const input = newUser({ role: "both" });
    const created = await registerUser(input, testContext());
    const user = await authenticateCredentials({ username: input.email.toUpperCase(), password: input.password }, { db: testDb(), ip: "10.0.0.3", via: "page", log: quiet, limiters: limiters() });
    expect(user).toEqual({ id: created.id, username: input.username, email: input.email, isStaff: false, role: "both", credentialStamp: expect.stringMatching(/^[0-9a-f]{64}$/), reactivated: false });
    const row = await testDb().user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.lastLogin).toBeInstanceOf(Date);
  });

  it("refuses the 6th attempt after 5 failures, even with the right password, and tells how long to wait", async () => {
    const input = newUser();
    await registerUser(input, testContext());
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

  it("counts each name typed on its own, so the count never tells which email belongs to a username (review L1)", async () => {
    // Old behaviour: the account's username and email shared one counter, so 4 failures as
    // the username plus 2 as a candidate email answered 429 exactly when the email was hers.
    const alice = newUser();
    const other = newUser();
    await registerUser(alice, testContext());
    await registerUser(other, testContext());
    const answers = async (candidate: string, ip: string) => {
      const ctx = { db: testDb(), ip, via: "api" as const, log: quiet, limiters: limiters(5) };
      for (let i = 0; i < 4; i++) await authenticateCredentials({ username: alice.username, password: `Wrong-${i}` }, ctx).catch(() => {});
      const codes = [];
      for (let i = 0; i < 2; i++) {
        codes.push(await authenticateCredentials({ username: candidate, password: `Wrong-x${i}` }, ctx).then(() => "ok", (e) => e.code));
      }
      return codes;
    };
    expect(await answers(alice.email, "10.0.0.6")).toEqual(["invalid_credentials", "invalid_credentials"]);
    expect(await answers(other.email, "10.0.0.9")).toEqual(["invalid_credentials", "invalid_credentials"]);
  });

  it("one name in any letter case is one count", async () => {
    const input = newUser();
    await registerUser(input, testContext());
    const ctx = { db: testDb(), ip: "10.0.0.16", via: "api" as const, log: quiet, limiters: limiters(2) };
    await expect(authenticateCredentials({ username: input.email, password: "Wrong-1" }, ctx)).rejects.toMatchObject({ code: "invalid_credentials" });
    await expect(authenticateCredentials({ username: input.email.toUpperCase(), password: "Wrong-2" }, ctx)).rejects.toMatchObject({ code: "invalid_credentials" });
    await expect(authenticateCredentials({ username: ` ${input.email} `, password: "Wrong-3" }, ctx)).rejects.toBeInstanceOf(RateLimitedError);
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
    await registerUser(input, testContext());
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
    await registerUser(input, testContext());
    const ctx = { db: testDb(), ip: "10.0.0.8", via: "api" as const, log: quiet, limiters: limiters(5) };
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => authenticateCredentials({ username: input.username, password: `Wrong-${i}` }, ctx)),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as DomainError).code : "ok"));
    expect(codes.filter((c) => c === "invalid_credentials")).toHaveLength(5);
    expect(codes.filter((c) => c === "rate_limited")).toHaveLength(15);
  });
});

describe("sign-in budgets beyond one address (lib/security/login-limits.ts)", () => {
  const account = (over: Partial<RateLimitConfig["loginPerAccount"]> = {}) => ({
    maxFailures: 3,
    windowSeconds: 600,
    firstDelaySeconds: 60,
    maxDelaySeconds: 600,
    knownAddressSeconds: 600,
    deviceMaxFailures: 2,
    ...over,
  });

  it("every password check counts against the address, successes included, and nothing gives it back (review H3)", async () => {
    const input = newUser();
    await registerUser(input, testContext());
    const l = createLimiters({ prefix: uniq("t"), verifyPerIp: { points: 3, durationSeconds: 600 } });
    const ctx = { db: testDb(), ip: "10.2.0.1", via: "api" as const, log: quiet, limiters: l };
    for (let i = 0; i < 3; i++) await expect(authenticateCredentials({ username: input.username, password: input.password }, ctx)).resolves.toBeTruthy();
    const err = await authenticateCredentials({ username: input.username, password: input.password }, ctx).catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err.retryAfterSeconds).toBeGreaterThan(500);
    // Another address has its own budget.
    await expect(authenticateCredentials({ username: input.username, password: input.password }, { ...ctx, ip: "10.2.0.2" })).resolves.toBeTruthy();
  });

  it("after the per-name failure budget from many addresses, further attempts wait; an address the account used before does not", async () => {
    const input = newUser();
    await registerUser(input, testContext());
    const l = createLimiters({ prefix: uniq("t"), loginPerAccount: account() });
    const at = (ip: string) => ({ db: testDb(), ip, via: "api" as const, log: quiet, limiters: l });
    await authenticateCredentials({ username: input.username, password: input.password }, at("10.3.0.100")); // the owner's usual address
    for (let i = 0; i < 3; i++) {
      await expect(authenticateCredentials({ username: input.username, password: `Wrong-${i}` }, at(`10.3.0.${i}`))).rejects.toMatchObject({ code: "invalid_credentials" });
    }
    const verify = vi.mocked(verifyPassword);
    verify.mockClear();
    const err = await authenticateCredentials({ username: input.username, password: input.password }, at("10.3.0.50")).catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err.retryAfterSeconds).toBeGreaterThan(0);
    expect(err.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(verify).not.toHaveBeenCalled(); // refused before any hashing
    await expect(authenticateCredentials({ username: input.username, password: input.password }, at("10.3.0.100"))).resolves.toMatchObject({ username: input.username });
  });

  it("a device cookie that signed in to the account passes the slow-down from a new address; a stranger's, or a failing one, does not (review N-M1)", async () => {
    const input = newUser();
    await registerUser(input, testContext());
    const l = createLimiters({ prefix: uniq("t"), loginPerAccount: account() });
    const owner = randomBytes(32).toString("base64url");
    const at = (ip: string, device?: string) => ({ db: testDb(), ip, device, via: "api" as const, log: quiet, limiters: l });
    const right = { username: input.username, password: input.password };
    await authenticateCredentials(right, at("10.7.0.100", owner)); // the owner's laptop, at home
    for (let i = 0; i < 3; i++) await authenticateCredentials({ username: input.username, password: `Wrong-${i}` }, at(`10.7.0.${i}`)).catch(() => {});
    // A stranger's device cookie (well-formed, never signed in to this account): slowed down.
    await expect(authenticateCredentials(right, at("10.7.0.50", randomBytes(32).toString("base64url")))).rejects.toBeInstanceOf(RateLimitedError);
    // The owner's laptop in a café: through, however often.
    for (let i = 0; i < 3; i++) await expect(authenticateCredentials(right, at(`10.7.1.${i}`, owner))).resolves.toMatchObject({ username: input.username });
    // Someone with a copy of the cookie guessing: after deviceMaxFailures (2) failures it is a stranger again.
    for (let i = 0; i < 2; i++) {
      await expect(authenticateCredentials({ username: input.username, password: `Thief-${i}` }, at(`10.7.2.${i}`, owner))).rejects.toMatchObject({ code: "invalid_credentials" });
    }
    await expect(authenticateCredentials({ username: input.username, password: "Thief-3" }, at("10.7.2.9", owner))).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("20 simultaneous wrong guesses from 20 addresses against a per-name budget of 5: exactly 5 are checked", async () => {
    const input = newUser();
    await registerUser(input, testContext());
    const l = createLimiters({ prefix: uniq("t"), loginPerAccount: account({ maxFailures: 5 }) });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        authenticateCredentials({ username: input.username, password: `Wrong-${i}` }, { db: testDb(), ip: `10.4.0.${i}`, via: "api", log: quiet, limiters: l }),
      ),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as DomainError).code : "ok"));
    expect(codes.filter((c) => c === "invalid_credentials")).toHaveLength(5);
    expect(codes.filter((c) => c === "rate_limited")).toHaveLength(15);
  });

  it("an unknown name is slowed down exactly like a real one (no hint that it exists)", async () => {
    const l = createLimiters({ prefix: uniq("t"), loginPerAccount: account() });
    const ghost = uniq("ghost");
    for (let i = 0; i < 3; i++) {
      await expect(authenticateCredentials({ username: ghost, password: "x-y-z" }, { db: testDb(), ip: `10.5.0.${i}`, via: "api", log: quiet, limiters: l })).rejects.toMatchObject({ code: "invalid_credentials" });
    }
    await expect(authenticateCredentials({ username: ghost, password: "x-y-z" }, { db: testDb(), ip: "10.5.0.9", via: "api", log: quiet, limiters: l })).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("the slow-down ends with its window", async () => {
    const input = newUser();
    await registerUser(input, testContext());
    const l = createLimiters({ prefix: uniq("t"), loginPerAccount: account({ windowSeconds: 2, firstDelaySeconds: 600 }) });
    const at = (ip: string) => ({ db: testDb(), ip, via: "api" as const, log: quiet, limiters: l });
    for (let i = 0; i < 3; i++) await authenticateCredentials({ username: input.username, password: `Wrong-${i}` }, at(`10.6.0.${i}`)).catch(() => {});
    await expect(authenticateCredentials({ username: input.username, password: input.password }, at("10.6.0.9"))).rejects.toBeInstanceOf(RateLimitedError);
    // Not the 600 s delay: the count starts again when the 2 s window is over.
    const user = await waitFor("the window to end", () =>
      authenticateCredentials({ username: input.username, password: input.password }, at("10.6.0.9")).catch((e) => (e instanceof RateLimitedError ? undefined : Promise.reject(e))),
    );
    expect(user).toMatchObject({ username: input.username });
  });

  it("with the limits off, nothing is counted or refused", async () => {
    const input = newUser();
    await registerUser(input, testContext());
    const l = createLimiters({ prefix: uniq("t"), enabled: false, loginPerUserAndIp: { points: 1, durationSeconds: 600 }, verifyPerIp: { points: 1, durationSeconds: 600 } });
    const ctx = { db: testDb(), ip: "10.7.0.1", via: "api" as const, log: quiet, limiters: l };
    for (let i = 0; i < 5; i++) await expect(authenticateCredentials({ username: input.username, password: `Wrong-${i}` }, ctx)).rejects.toMatchObject({ code: "invalid_credentials" });
    await expect(authenticateCredentials({ username: input.username, password: input.password }, ctx)).resolves.toBeTruthy();
    await expect(limitTokenIssuance(1, quiet, l)).resolves.toBeUndefined();
    await expect(limitRegistration("10.7.0.1", l)).resolves.toBeUndefined();
  });
});

describe("rate-limit settings", () => {
  it("has a default for every limit and reads each variable", () => {
    const config = rateLimitConfigFromEnv({});
    expect(config).toMatchObject({ enabled: true, prefix: "rl", verifyPerIp: { points: 60, durationSeconds: 60 }, tokenPerAccount: { points: 20, durationSeconds: 3600 } });
    expect(config.loginPerAccount).toMatchObject({ maxFailures: 20, windowSeconds: 3600, maxDelaySeconds: 900 });
    const custom = rateLimitConfigFromEnv({ LOGIN_MAX_VERIFICATIONS_PER_IP: "7", LOGIN_MAX_FAILURES_PER_ACCOUNT: "9", TOKEN_MAX_PER_ACCOUNT: "3", LOGIN_KNOWN_ADDRESS_DAYS: "2" });
    expect(custom.verifyPerIp.points).toBe(7);
    expect(custom.loginPerAccount.maxFailures).toBe(9);
    expect(custom.loginPerAccount.knownAddressSeconds).toBe(2 * 86400);
    expect(custom.tokenPerAccount.points).toBe(3);
  });

  it("RATE_LIMITS=off turns them off; anything malformed is one sentence", () => {
    expect(rateLimitConfigFromEnv({ RATE_LIMITS: "off" }).enabled).toBe(false);
    expect(rateLimitConfigFromEnv({ RATE_LIMITS: "on" }).enabled).toBe(true);
    expect(() => rateLimitConfigFromEnv({ RATE_LIMITS: "no" })).toThrow(new RateLimitConfigError('RATE_LIMITS must be "on" or "off" (got "no").'));
    expect(() => rateLimitConfigFromEnv({ TOKEN_MAX_PER_ACCOUNT: "1e3" })).toThrow(/^TOKEN_MAX_PER_ACCOUNT must be a positive integer/);
    expect(() => rateLimitConfigFromEnv({ LOGIN_MAX_VERIFICATIONS_PER_IP: "0" })).toThrow(RateLimitConfigError);
  });
});

describe("session cookies", () => {
  it("round-trips the claims through next-auth's encryption", async () => {
    const value = await encodeSession({ id: 7, username: "ann", email: "ann@example.com", isStaff: true, role: "guide" }, "s".repeat(43));
    expect(value.split(".")).toHaveLength(5); // a JWE, not a readable JWT
    expect(value).not.toContain("ann");
    expect(await decodeSession(value)).toMatchObject({ sid: "s".repeat(43), uid: 7, username: "ann", isStaff: true, role: "guide" });
  });

  it("refuses tampered, foreign and empty values", async () => {
    const value = await encodeSession({ id: 7, username: "ann", email: "ann@example.com", isStaff: false, role: "explorer" }, "s".repeat(43));
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
