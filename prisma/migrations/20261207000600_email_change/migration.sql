-- Changing the account's email address (issue 21: "email changed", to the old address
-- too). A signed-in member asks with their password; a link goes to the NEW address and
-- only pressing it changes the account (lib/email-change/). Only the link secret's
-- SHA-256 is kept. One conditional UPDATE spends a link (unspent, unexpired, and the
-- account's address and password still the ones it was asked with), so it works once however many
-- presses race; the new address's uniqueness is the User/SignInIdentifier indexes' job.
CREATE TABLE "EmailChange" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    -- The account's address when the change was asked: a change made another way since
    -- (or a second change) leaves this link unusable.
    "fromEmail" VARCHAR(254) NOT NULL,
    "newEmail" VARCHAR(254) NOT NULL,
    -- The password hash's stamp when the change was asked (lib/auth/credentials/
    -- credential-stamp.ts): a password changed or reset since leaves this link unusable,
    -- so an owner who resets after the "not you?" notice stops a thief's change.
    "credentialStamp" VARCHAR(64) NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,
    "usedAt" TIMESTAMPTZ(6),

    CONSTRAINT "EmailChange_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "EmailChange_hash_hex" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$' AND "credentialStamp" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "EmailChange_expires_after_created" CHECK ("expiresAt" > "createdAt"),
    CONSTRAINT "EmailChange_used_after_created" CHECK ("usedAt" IS NULL OR "usedAt" >= "createdAt"),
    CONSTRAINT "EmailChange_new_address" CHECK (lower("newEmail") <> lower("fromEmail") AND "newEmail" ~ '.@.')
);

CREATE UNIQUE INDEX "EmailChange_tokenHash_key" ON "EmailChange" ("tokenHash");
-- A newer request replaces the older: at most one unspent change per account.
CREATE UNIQUE INDEX "EmailChange_one_pending" ON "EmailChange" ("userId") WHERE "usedAt" IS NULL;

ALTER TABLE "EmailChange" ADD CONSTRAINT "EmailChange_userId_fkey"
    FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
