import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import { authenticateCredentials } from "../../lib/auth/sign-in/authenticate";
import { logger } from "../../lib/log/logger";
import { createLimiters } from "../../lib/security/rate-limits";
import { hashPassword, verifyPassword } from "../../lib/users/password-hash";
import { registerUser } from "../../lib/users/register";
import { fixtureHashes, fixtureKey } from "../support/django-legacy";
import { newUser, testDb, uniq } from "../support/helpers";
import { testContext } from "../support/context";

// The upgrade of a Django hash at sign-in is guarded by the hash it verified: a password
// change landing between the check and the upgrade must win. Made deterministic by
// changing the password from inside the verification (the moment the race would hit).

vi.mock("../../lib/users/password-hash", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../lib/users/password-hash")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

beforeAll(() => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
});

const quiet = logger.child({}, { level: "silent" });
const limiters = () =>
  createLimiters({
    prefix: uniq("t"),
    loginPerUserAndIp: { points: 100, durationSeconds: 600 },
    loginPerIp: { points: 1000, durationSeconds: 600 },
    registerPerIp: { points: 1000, durationSeconds: 600 },
  });

// alice's pbkdf2_sha256 hash from the Django fixture, with her password from key.json.
const alice = fixtureKey().users.find((u) => u.username === "alice")!;
const djangoHash = fixtureHashes().get(alice.id)!;

async function legacyUser() {
  const input = newUser();
  const { id } = await registerUser(input, testContext());
  await testDb().user.update({ where: { id }, data: { passwordHash: djangoHash } });
  return { id, username: input.username };
}

describe("upgrading a Django hash at sign-in", () => {
  it("replaces it with argon2id, once", async () => {
    const user = await legacyUser();
    const ctx = { db: testDb(), ip: "10.0.0.7", via: "api" as const, log: quiet, limiters: limiters() };
    await authenticateCredentials({ username: user.username, password: alice.password }, ctx);
    const { passwordHash } = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    await authenticateCredentials({ username: user.username, password: alice.password }, ctx);
    expect((await testDb().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(passwordHash);
  });

  it("never overwrites a password changed while the old hash was being checked", async () => {
    const user = await legacyUser();
    const changed = await hashPassword("A-new-password-9!");
    const verify = vi.mocked(verifyPassword);
    verify.mockImplementationOnce(async (hash, password) => {
      // A reset or password change commits right now, after the sign-in read the old hash.
      await testDb().user.update({ where: { id: user.id }, data: { passwordHash: changed } });
      const { verifyPassword: real } = await vi.importActual<typeof import("../../lib/users/password-hash")>("../../lib/users/password-hash");
      return real(hash, password);
    });
    const ctx = { db: testDb(), ip: "10.0.0.8", via: "api" as const, log: quiet, limiters: limiters() };
    await authenticateCredentials({ username: user.username, password: alice.password }, ctx);
    expect((await testDb().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(changed);
  });
});
