import { describe, expect, it } from "vitest";
import { ConfigError } from "../../lib/config/deployment";
import { mfaEncryptionKey } from "../../lib/two-factor/totp/encryption-key";
import { openTotpSecret, sealTotpSecret } from "../../lib/two-factor/totp/seal";
import { totpStep } from "../../lib/two-factor/totp/totp";
import { totpCode } from "../support/two-factor";

// Issue 20 point 7: MFA_ENCRYPTION_KEY is held to NEXTAUTH_SECRET's rule in production,
// and the TOTP secret is sealed with AES-256-GCM bound to its account.

const STRONG = "kP9sT2vX8yZ4wB7nM1cDq3rF6gH0jL5aE2uI7oW4xV9";

describe("MFA_ENCRYPTION_KEY", () => {
  it("production refuses it missing, the example's placeholder or weak, with one sentence", () => {
    const prod = { NODE_ENV: "production" };
    expect(() => mfaEncryptionKey({ ...prod })).toThrow(ConfigError);
    expect(() => mfaEncryptionKey({ ...prod })).toThrow("MFA_ENCRYPTION_KEY is not set; generate one with `openssl rand -base64 48`.");
    expect(() => mfaEncryptionKey({ ...prod, MFA_ENCRYPTION_KEY: "CHANGE-ME-generate-with-openssl-rand-base64-48" })).toThrow(/^MFA_ENCRYPTION_KEY is still the example's placeholder/);
    expect(() => mfaEncryptionKey({ ...prod, MFA_ENCRYPTION_KEY: "short-key" })).toThrow(/^MFA_ENCRYPTION_KEY is too weak/);
    expect(mfaEncryptionKey({ ...prod, MFA_ENCRYPTION_KEY: STRONG })).toHaveLength(32);
  });

  it("development without it derives a key from the session secret (stable, not the secret itself)", () => {
    const env = { NODE_ENV: "development", NEXTAUTH_SECRET: STRONG };
    const key = mfaEncryptionKey(env);
    expect(key).toHaveLength(32);
    expect(mfaEncryptionKey({ ...env })).toEqual(key);
    expect(key.toString("base64url")).not.toContain(STRONG.slice(0, 12));
  });
});

describe("the sealed TOTP secret", () => {
  const key = mfaEncryptionKey({ NODE_ENV: "production", MFA_ENCRYPTION_KEY: STRONG });
  const otherKey = mfaEncryptionKey({ NODE_ENV: "production", MFA_ENCRYPTION_KEY: `${STRONG}x` });

  it("opens with its key and account only; a changed byte is refused", () => {
    const sealed = sealTotpSecret(7, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", key);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("JBSWY3DP");
    expect(openTotpSecret(7, sealed, key)).toBe("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    expect(() => openTotpSecret(8, sealed, key)).toThrow();
    expect(() => openTotpSecret(7, sealed, otherKey)).toThrow();
    const [v, iv, tag, ct] = sealed.split(".");
    const flipped = Buffer.from(ct, "base64url");
    flipped[0] ^= 1;
    expect(() => openTotpSecret(7, [v, iv, tag, flipped.toString("base64url")].join("."), key)).toThrow();
  });

  it("a code is accepted for the current step and one either side, not two away", () => {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const now = Math.floor(Date.now() / 30_000);
    expect(totpStep(secret, totpCode(secret))).toBeGreaterThanOrEqual(now);
    expect(totpStep(secret, totpCode(secret, 1))).toBeGreaterThanOrEqual(now + 1);
    expect(totpStep(secret, totpCode(secret, -3))).toBeNull();
    expect(totpStep(secret, totpCode(secret, 3))).toBeNull();
    expect(totpStep(secret, "12345")).toBeNull();
  });
});
