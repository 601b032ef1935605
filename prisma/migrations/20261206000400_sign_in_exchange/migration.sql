-- Sign-in exchange codes (issue 22 point 7, lib/sign-in-exchange/): a magic link finished
-- for the live single-page app hands it a short-lived code in a redirect, never a token;
-- the app swaps the code for an API token with POST /api/users/magic-link/exchange/.
-- Only the code's SHA-256 is kept. One conditional UPDATE spends a code
-- (usedAt IS NULL AND expiresAt > now()), so it works once however many swaps race.
CREATE TABLE "SignInExchangeCode" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "codeHash" VARCHAR(64) NOT NULL,
    -- The password hash's stamp when the code was made (lib/auth/credential-stamp.ts):
    -- a password changed since makes the swap fail, as it ends every other credential.
    "credentialStamp" VARCHAR(64) NOT NULL,
    -- The origin the code was sent to: only that origin may swap it.
    "origin" VARCHAR(255) NOT NULL,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,
    "usedAt" TIMESTAMPTZ(6),

    CONSTRAINT "SignInExchangeCode_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SignInExchangeCode_hash_hex" CHECK ("codeHash" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "SignInExchangeCode_short_lived" CHECK ("expiresAt" > "createdAt" AND "expiresAt" <= "createdAt" + interval '10 minutes')
);

CREATE UNIQUE INDEX "SignInExchangeCode_codeHash_key" ON "SignInExchangeCode" ("codeHash");
CREATE INDEX "SignInExchangeCode_userId_idx" ON "SignInExchangeCode" ("userId");

ALTER TABLE "SignInExchangeCode" ADD CONSTRAINT "SignInExchangeCode_userId_fkey"
    FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
