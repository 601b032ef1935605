import { describe, expect, it } from "vitest";
import { isLegacyHash, isWeakLegacyHash, RESET_REQUIRED_HASH, verifyLegacyPassword } from "../../lib/users/legacy-hashers";
import { hashPassword, needsRehash, verifyPassword } from "../../lib/users/password-hash";
import { fixtureHashes, fixtureKey } from "../support/django-legacy";

// Every hash in the fixture was made by Django's own hashers; key.json says which password
// each one hides. An independent check of the verifier, hasher by hasher.

const hashes = fixtureHashes();
const key = fixtureKey();

describe("Django's password hashes", () => {
  for (const user of key.users) {
    const encoded = hashes.get(user.id)!;
    if (user.password === null) {
      it(`${user.username}: an unusable password (${user.hash_prefix.slice(0, 1)}…) matches nothing`, async () => {
        for (const attempt of ["", encoded, encoded.slice(1), "password", "!"]) expect(await verifyPassword(encoded, attempt)).toBe(false);
      });
      continue;
    }
    if (isWeakLegacyHash(encoded)) {
      it(`${user.username}: ${user.hash_prefix} is too weak to check: even its password does not match`, async () => {
        expect(await verifyPassword(encoded, user.password!)).toBe(false);
      });
      continue;
    }
    it(`${user.username}: ${user.hash_prefix} verifies its password and nothing else`, async () => {
      expect(encoded.startsWith(user.hash_prefix)).toBe(true);
      expect(needsRehash(encoded)).toBe(true);
      expect(await verifyPassword(encoded, user.password!)).toBe(true);
      expect(await verifyPassword(encoded, `${user.password}x`)).toBe(false);
      expect(await verifyPassword(encoded, user.password!.toUpperCase() === user.password ? "other" : user.password!.toUpperCase())).toBe(false);
    });
  }

  it("covers every hasher the issue names", () => {
    const algorithms = new Set([...hashes.values()].map((h) => h.slice(0, h.indexOf("$"))));
    for (const a of ["pbkdf2_sha256", "pbkdf2_sha1", "argon2", "bcrypt_sha256", "md5"]) expect(algorithms).toContain(a);
  });

  it("verifies plain bcrypt in Django's encoding; refuses MD5 in every form, SHA-1, crypt and PBKDF2 under 100,000 iterations (review N-L4)", async () => {
    // Django's BCryptPasswordHasher: "bcrypt$" + the bcrypt string; UnsaltedMD5's "md5$$" form.
    const { hash } = await import("@node-rs/bcrypt");
    const bcrypt = `bcrypt$${await hash("Plain-bcrypt-1!", 4)}`;
    expect(await verifyPassword(bcrypt, "Plain-bcrypt-1!")).toBe(true);
    expect(await verifyPassword(bcrypt, "Plain-bcrypt-2!")).toBe(false);
    const { createHash, pbkdf2Sync } = await import("node:crypto");
    const md5 = (s: string) => createHash("md5").update(s).digest("hex");
    const pbkdf2 = (iterations: number) => `pbkdf2_sha256$${iterations}$salt$${pbkdf2Sync("password", "salt", iterations, 32, "sha256").toString("base64")}`;
    for (const weak of [`md5$$${md5("password")}`, `md5$salt$${md5("saltpassword")}`, md5("password"), "sha1$salt$x", "crypt$$xx", pbkdf2(10_000), pbkdf2(99_999), RESET_REQUIRED_HASH]) {
      expect(isWeakLegacyHash(weak), weak).toBe(true);
      expect(await verifyPassword(weak, "password"), weak).toBe(false);
    }
    expect(isWeakLegacyHash(pbkdf2(100_000))).toBe(false);
    expect(await verifyPassword(pbkdf2(100_000), "password")).toBe(true);
  });

  it("never matches a malformed or unknown hash, and never throws", async () => {
    for (const bad of ["", "!", "pbkdf2_sha256$", "pbkdf2_sha256$abc$salt$hash", "pbkdf2_sha256$0$salt$x", "argon2$nonsense", "bcrypt$$2b$nonsense", "md5$salt", "sha1$salt$hash", "crypt$$xx", "unknown$1$2$3"]) {
      expect(await verifyLegacyPassword(bad, "")).toBe(false);
      expect(await verifyLegacyPassword(bad, "password")).toBe(false);
    }
  });

  it("tells our argon2id hashes from legacy ones", async () => {
    const ours = await hashPassword("Some-pass-1!");
    expect(isLegacyHash(ours)).toBe(false);
    expect(needsRehash(ours)).toBe(false);
    expect(await verifyPassword(ours, "Some-pass-1!")).toBe(true);
  });

  it("verifies a 1,000,000-iteration PBKDF2 hash off the event loop", async () => {
    const user = key.users.find((u) => u.hash_prefix === "pbkdf2_sha256$1000000")!;
    const encoded = hashes.get(user.id)!;
    let settled = false;
    const started = performance.now();
    const verifying = verifyPassword(encoded, user.password!).finally(() => (settled = true));
    // Timers keep firing while the hash is computed: the event loop is free.
    let ticks = 0;
    while (!settled) {
      await new Promise((r) => setTimeout(r, 5));
      ticks++;
    }
    expect(await verifying).toBe(true);
    const ms = performance.now() - started;
    expect(ticks).toBeGreaterThan(3);
    console.log(`pbkdf2_sha256 1,000,000 iterations: verified in ${ms.toFixed(0)} ms, ${ticks} timer ticks meanwhile`);
  });
});
