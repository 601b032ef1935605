-- Issue 18 point 2: sign-in identities from other providers (Google today), bound to the
-- provider's stable subject ("sub"), never to an email address. A returning Google user is
-- found by (provider, subject); an address is only a hint for the first link.
--
-- UNIQUE (provider, subject): one Google identity opens one account.
-- UNIQUE (userId, provider): an account has at most one Google identity, so two different
-- subjects racing to link the same account leave exactly one link (the loser's insert
-- matches the index and does nothing).
CREATE TABLE "LinkedIdentity" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "provider" VARCHAR(32) NOT NULL,
    "subject" VARCHAR(255) NOT NULL,
    "email" VARCHAR(254),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(6),

    CONSTRAINT "LinkedIdentity_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "LinkedIdentity_known_provider" CHECK ("provider" IN ('google')),
    CONSTRAINT "LinkedIdentity_subject_not_blank" CHECK (length(btrim("subject")) > 0)
);

CREATE UNIQUE INDEX "LinkedIdentity_provider_subject_key" ON "LinkedIdentity" ("provider", "subject");
CREATE UNIQUE INDEX "LinkedIdentity_userId_provider_key" ON "LinkedIdentity" ("userId", "provider");

ALTER TABLE "LinkedIdentity" ADD CONSTRAINT "LinkedIdentity_userId_fkey"
    FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Sessions a magic link opened on an account whose address is still unproven were made
-- before the rule "the mailbox's proof evicts what it did not set" (docs/ways-back-in.md):
-- their holder never proved the password, yet a session of the account counts as being
-- that account's owner when an invitation is accepted or a verification link pressed.
-- They are recognisable because the link was spent and the session made in one
-- transaction (same now()). Ending them makes their holder come back through the new rule.
DELETE FROM "Session" s
USING "OneTimeLink" l, "User" u
WHERE l."purpose" = 'magic_login'
  AND l."userId" = s."userId"
  AND l."usedAt" = s."createdAt"
  AND u."id" = s."userId"
  AND u."emailVerifiedAt" IS NULL;
