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

-- The old profile API's first and last names (PUT/PATCH /api/users/profile/).
ALTER TABLE "Profile" ADD COLUMN "firstName" VARCHAR(150);
ALTER TABLE "Profile" ADD COLUMN "lastName" VARCHAR(150);

-- Self-service deactivation (POST /api/users/deactivate/): such an account is reactivated
-- by signing in with its password; one deactivated by staff stays closed.
ALTER TABLE "User" ADD COLUMN "selfDeactivated" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD CONSTRAINT "User_selfDeactivated_is_inactive" CHECK (NOT "selfDeactivated" OR NOT "isActive");

-- Account deletion (DELETE /api/users/profile/) keeps the audit trail's actions but not
-- the person: besides the foreign key's own "actor deleted -> NULL", the append-only
-- trigger now permits one more change, and only inside a transaction that declared an
-- erasure (SET LOCAL zporta.audit_erasure = 'on', done by lib/users/delete-account.ts):
-- clearing notes and details, leaving action, target and time as they were. Nothing
-- else, and never a DELETE.
CREATE OR REPLACE FUNCTION "audit_log_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW."actorId" IS NULL
       AND (NEW."action", NEW."targetType", NEW."targetId", NEW."notes", NEW."details", NEW."createdAt")
           IS NOT DISTINCT FROM (OLD."action", OLD."targetType", OLD."targetId", OLD."notes", OLD."details", OLD."createdAt") THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND current_setting('zporta.audit_erasure', true) = 'on'
       AND NEW."notes" IS NULL AND NEW."details" IS NULL
       AND NEW."actorId" IS NOT DISTINCT FROM OLD."actorId"
       AND (NEW."action", NEW."targetType", NEW."targetId", NEW."createdAt")
           IS NOT DISTINCT FROM (OLD."action", OLD."targetType", OLD."targetId", OLD."createdAt") THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'AuditLog is append-only'
        USING ERRCODE = '23514', CONSTRAINT = 'AuditLog_append_only';
END;
$$;
