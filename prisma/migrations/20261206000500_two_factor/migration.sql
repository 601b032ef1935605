-- A second factor (issue 20): authenticator apps (TOTP), recovery codes, the pending
-- second step of a sign-in, and browsers trusted for 30 days (docs/two-factor.md).
--
-- Nothing here can be read back as a secret: the TOTP secret is AES-256-GCM ciphertext
-- (key from MFA_ENCRYPTION_KEY, never in the database), recovery codes, second-step
-- tokens and trusted-browser tokens are SHA-256 hashes of random values.

-- One authenticator per account. "confirmedAt" NULL: set up but not yet proven by a
-- code (not a second factor yet). "lastUsedStep": the last RFC 6238 time step accepted;
-- a code is accepted only by "UPDATE … WHERE lastUsedStep < :step", so once only.
CREATE TABLE "TotpCredential" (
    "userId" INTEGER NOT NULL,
    "secretCiphertext" TEXT NOT NULL,
    "confirmedAt" TIMESTAMPTZ(6),
    "lastUsedStep" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TotpCredential_pkey" PRIMARY KEY ("userId"),
    CONSTRAINT "TotpCredential_secret_is_sealed" CHECK ("secretCiphertext" ~ '^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'),
    CONSTRAINT "TotpCredential_step_not_negative" CHECK ("lastUsedStep" >= 0)
);
ALTER TABLE "TotpCredential" ADD CONSTRAINT "TotpCredential_userId_fkey"
    FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Ten per confirmation or regeneration (the old ones are deleted in the same
-- transaction); one is spent by "UPDATE … SET usedAt = now() WHERE usedAt IS NULL".
CREATE TABLE "RecoveryCode" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "codeHash" VARCHAR(64) NOT NULL,
    "usedAt" TIMESTAMPTZ(6),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "RecoveryCode_codeHash_is_sha256_hex" CHECK ("codeHash" ~ '^[0-9a-f]{64}$')
);
CREATE UNIQUE INDEX "RecoveryCode_userId_codeHash_key" ON "RecoveryCode" ("userId", "codeHash");
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey"
    FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The second step of one sign-in (the API's mfa_token, the browser's pending cookie):
-- 5 minutes, spent once by success, dead after 5 wrong codes. "credentialStamp" is the
-- password hash the first step verified: a password change in between kills it.
CREATE TABLE "MfaChallenge" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "credentialStamp" VARCHAR(64),
    "failures" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,
    "spentAt" TIMESTAMPTZ(6),

    CONSTRAINT "MfaChallenge_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "MfaChallenge_tokenHash_is_sha256_hex" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "MfaChallenge_failures_range" CHECK ("failures" BETWEEN 0 AND 5),
    CONSTRAINT "MfaChallenge_at_most_five_minutes" CHECK ("expiresAt" > "createdAt" AND "expiresAt" <= "createdAt" + interval '5 minutes')
);
CREATE UNIQUE INDEX "MfaChallenge_tokenHash_key" ON "MfaChallenge" ("tokenHash");
CREATE INDEX "MfaChallenge_userId_idx" ON "MfaChallenge" ("userId");
CREATE INDEX "MfaChallenge_expiresAt_idx" ON "MfaChallenge" ("expiresAt");
ALTER TABLE "MfaChallenge" ADD CONSTRAINT "MfaChallenge_userId_fkey"
    FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- "Trust this browser for 30 days": the browser keeps a random token in a cookie, the
-- row its hash. Trust ends with a password change (trigger below), any 2FA change and
-- "sign out everywhere" (lib/two-factor/trusted-browsers).
CREATE TABLE "TrustedBrowser" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "TrustedBrowser_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "TrustedBrowser_tokenHash_is_sha256_hex" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "TrustedBrowser_at_most_thirty_days" CHECK ("expiresAt" > "createdAt" AND "expiresAt" <= "createdAt" + interval '30 days')
);
CREATE UNIQUE INDEX "TrustedBrowser_tokenHash_key" ON "TrustedBrowser" ("tokenHash");
CREATE INDEX "TrustedBrowser_userId_idx" ON "TrustedBrowser" ("userId");
ALTER TABLE "TrustedBrowser" ADD CONSTRAINT "TrustedBrowser_userId_fkey"
    FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Passkeys (WebAuthn, @simplewebauthn/server): a discoverable credential with user
-- verification. The public key is not a secret; the credential id is unique across all
-- accounts (a foreign passkey cannot be registered twice). "counter": the signature
-- counter, moved only forward by a conditional UPDATE (a cloned authenticator shows).
CREATE TABLE "Passkey" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "credentialId" VARCHAR(1400) NOT NULL,
    "publicKey" BYTEA NOT NULL,
    "counter" BIGINT NOT NULL DEFAULT 0,
    "transports" VARCHAR(200),
    "name" VARCHAR(100) NOT NULL,
    "backedUp" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(6),

    CONSTRAINT "Passkey_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Passkey_counter_not_negative" CHECK ("counter" >= 0),
    CONSTRAINT "Passkey_name_not_blank" CHECK (btrim("name") <> '')
);
CREATE UNIQUE INDEX "Passkey_credentialId_key" ON "Passkey" ("credentialId");
CREATE INDEX "Passkey_userId_idx" ON "Passkey" ("userId");
ALTER TABLE "Passkey" ADD CONSTRAINT "Passkey_userId_fkey"
    FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One WebAuthn ceremony: the challenge's SHA-256, what it is for, the account it is bound
-- to (NULL only for a sign-in with no username yet), 5 minutes, spent once.
CREATE TABLE "WebAuthnChallenge" (
    "id" SERIAL NOT NULL,
    "challengeHash" VARCHAR(64) NOT NULL,
    "purpose" VARCHAR(16) NOT NULL,
    "userId" INTEGER,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,
    "usedAt" TIMESTAMPTZ(6),

    CONSTRAINT "WebAuthnChallenge_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "WebAuthnChallenge_hash_is_sha256_hex" CHECK ("challengeHash" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "WebAuthnChallenge_purpose" CHECK ("purpose" IN ('register', 'sign_in', 'second_step')),
    CONSTRAINT "WebAuthnChallenge_bound" CHECK ("purpose" = 'sign_in' OR "userId" IS NOT NULL),
    CONSTRAINT "WebAuthnChallenge_at_most_five_minutes" CHECK ("expiresAt" > "createdAt" AND "expiresAt" <= "createdAt" + interval '5 minutes')
);
CREATE UNIQUE INDEX "WebAuthnChallenge_challengeHash_key" ON "WebAuthnChallenge" ("challengeHash");
CREATE INDEX "WebAuthnChallenge_expiresAt_idx" ON "WebAuthnChallenge" ("expiresAt");
ALTER TABLE "WebAuthnChallenge" ADD CONSTRAINT "WebAuthnChallenge_userId_fkey"
    FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Step-up (lib/two-factor/step-up.ts): when this session or token last passed a second
-- factor (a sign-in's second step, a passkey, or a code confirmed in place). Sensitive
-- actions want it under 10 minutes old when the account has a second factor.
ALTER TABLE "Session" ADD COLUMN "secondFactorAt" TIMESTAMPTZ(6);
ALTER TABLE "ApiToken" ADD COLUMN "secondFactorAt" TIMESTAMPTZ(6);

-- Whatever path changes a password (change, reset, staff, import upgrade), trusted
-- browsers and pending second steps of the old password end with it.
CREATE FUNCTION "user_password_ends_mfa_trust"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "TrustedBrowser" WHERE "userId" = NEW."id";
    DELETE FROM "MfaChallenge" WHERE "userId" = NEW."id";
    RETURN NULL;
END;
$$;
CREATE TRIGGER "User_password_ends_mfa_trust"
    AFTER UPDATE OF "passwordHash" ON "User"
    FOR EACH ROW WHEN (OLD."passwordHash" IS DISTINCT FROM NEW."passwordHash")
    EXECUTE FUNCTION "user_password_ends_mfa_trust"();
