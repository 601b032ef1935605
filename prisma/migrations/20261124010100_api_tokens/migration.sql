-- API tokens for external clients (the old platform's `Authorization: Token <key>`).
-- Only a SHA-256 of the key is stored: the key itself is shown once, at sign-in.
-- One token per user, as DRF had: a new sign-in replaces the row (rotation).
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "keyHash" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ApiToken_keyHash_is_sha256_hex" CHECK ("keyHash" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "ApiToken_expires_after_creation" CHECK ("expiresAt" > "createdAt")
);

CREATE UNIQUE INDEX "ApiToken_userId_key" ON "ApiToken" ("userId");
CREATE UNIQUE INDEX "ApiToken_keyHash_key" ON "ApiToken" ("keyHash");

ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey"
    FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
