-- Moving in from the Django system (lib/import-django, docs/django-import.md).

-- An account may have no usable email: the old system let in blank and invalid addresses
-- and duplicates in two letter cases. Such an account signs in by username and cannot
-- reset its password until staff set an email. NULL, not a placeholder address: nothing
-- can ever be delivered to it or match it, and the unique index treats NULLs as distinct.
-- The CHECK "User_email_has_at" is NULL (so passes) for NULL, as intended.
ALTER TABLE "User" ALTER COLUMN "email" DROP NOT NULL;

-- The address the old system had, kept when the import removed it from sign-in (a
-- duplicate or invalid one), so that staff can contact the person. Never used to sign in.
ALTER TABLE "User" ADD COLUMN "legacyEmail" VARCHAR(254);

-- What the last import wrote for each old row (a SHA-256 of the repaired row), so that a
-- second run writes only what changed in the old system and never undoes what happened
-- here since (a password rehashed at sign-in, a profile edited).
CREATE TABLE "DjangoImportRow" (
    "entity" VARCHAR(32) NOT NULL,
    "legacyId" VARCHAR(64) NOT NULL,
    "digest" VARCHAR(64) NOT NULL,
    "importedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DjangoImportRow_pkey" PRIMARY KEY ("entity", "legacyId"),
    CONSTRAINT "DjangoImportRow_digest_hex" CHECK ("digest" ~ '^[0-9a-f]{64}$')
);
