-- One-time links (issue 11): password reset, email verification and magic-link sign-in.
-- The secret is only in the email; this row keeps its SHA-256. A link is spent by one
-- conditional UPDATE of "usedAt" (lib/one-time-links/consume.ts), in the transaction of
-- its effect, so two simultaneous uses give exactly one success.
CREATE TYPE "OneTimeLinkPurpose" AS ENUM ('reset', 'verify_email', 'magic_login');

CREATE TABLE "OneTimeLink" (
    "id"        SERIAL PRIMARY KEY,
    "userId"    INTEGER NOT NULL REFERENCES "User"("id") ON DELETE CASCADE,
    "purpose"   "OneTimeLinkPurpose" NOT NULL,
    -- The address the link was mailed to: a link proves that mailbox only, so it stops
    -- working when the account's email changes.
    "email"     VARCHAR(254) NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,
    "usedAt"    TIMESTAMPTZ(6),
    CONSTRAINT "OneTimeLink_tokenHash_sha256" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "OneTimeLink_expires_after_created" CHECK ("expiresAt" > "createdAt"),
    CONSTRAINT "OneTimeLink_used_after_created" CHECK ("usedAt" IS NULL OR "usedAt" >= "createdAt")
);

CREATE UNIQUE INDEX "OneTimeLink_tokenHash_key" ON "OneTimeLink"("tokenHash");
-- A newer link of a kind replaces the older: at most one unspent link per user and purpose.
CREATE UNIQUE INDEX "OneTimeLink_one_unused_per_purpose" ON "OneTimeLink"("userId", "purpose") WHERE "usedAt" IS NULL;
CREATE INDEX "OneTimeLink_userId_idx" ON "OneTimeLink"("userId");
