-- Server-side browser sessions and per-device API tokens (issue 10).
--
-- A browser session is a row: the next-auth cookie (a JWE) carries a random 256-bit
-- secret whose SHA-256 is "tokenHash" here. The numeric "id" is what the person sees
-- and names when ending a session; it is not a credential. Deleting the row ends the
-- session everywhere at once (a copied cookie dies with it).
CREATE TABLE "Session" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,
    "ip" VARCHAR(64),
    "userAgent" VARCHAR(512),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Session_tokenHash_is_sha256_hex" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "Session_expires_after_creation" CHECK ("expiresAt" > "createdAt")
);

CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session" ("tokenHash");
CREATE INDEX "Session_userId_idx" ON "Session" ("userId");
CREATE INDEX "Session_expiresAt_idx" ON "Session" ("expiresAt");

ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey"
    FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- API tokens become per device: a sign-in adds a token and leaves the others working.
DROP INDEX "ApiToken_userId_key";
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken" ("userId");
ALTER TABLE "ApiToken" ADD COLUMN "lastUsedAt" TIMESTAMPTZ(6);
ALTER TABLE "ApiToken" ADD COLUMN "ip" VARCHAR(64);
ALTER TABLE "ApiToken" ADD COLUMN "userAgent" VARCHAR(512);
