-- One identifier, one account (docs/identifiers.md, security review M3).
--
-- Every string that signs a person in (a username, an email) is a row of
-- "SignInIdentifier", and one case-insensitive unique index over all of them means a
-- string names at most one account: a username can no longer be someone else's email,
-- nor an email someone else's username, however many sign-ups race. A user whose
-- username is their own email has one row (kind 'both').
--
-- The rows are kept by a trigger on "User", in the same statement as the user's own
-- insert or update, so every path (sign-up, invitation sign-up, the operator's
-- create-staff, imports, raw SQL, future profile edits) is covered without remembering.
-- The trigger runs BEFORE the row is written and inserts the username first, then the
-- email: when both are taken the username's refusal wins, as the registration contract
-- says. It re-raises a collision as 23505 with its own constraint name, which
-- lib/users/register.ts maps to the contract's sentences:
--   SignInIdentifier_username_taken -> "Username already taken."
--   SignInIdentifier_email_taken    -> "Email already registered."
-- and it refuses (23514, User_username_is_own_email) a username shaped like an email
-- address (an "@" with a character on each side) that is not the account's own email.
-- The app checks that rule before writing; this is the guarantee.
--
-- Existing databases: rows that already conflict (user B's username is user A's email,
-- written before this rule) must not stop the migration nor the app. The EMAIL keeps the
-- identifier, whatever the ages of the accounts: an email-shaped username that is not its
-- account's own email is exactly what the rule forbids, so the username is the squatter.
-- (Two usernames or two emails cannot collide: "User"'s own unique indexes already
-- refuse that.) Each username left out is reported: a row in "SignInIdentifierConflict"
-- and a WARNING naming only user ids. The losing account keeps working: it signs in with
-- its email, and its username row is written again when the username changes.
-- Old rows are only checked again when their username or email changes.

-- No user may be written while the identifiers are copied (an older release may still
-- be running during a rolling start).
LOCK TABLE "User" IN SHARE ROW EXCLUSIVE MODE;

CREATE TYPE "SignInIdentifierKind" AS ENUM ('username', 'email', 'both');

CREATE TABLE "SignInIdentifier" (
    "userId" INTEGER NOT NULL,
    "kind" "SignInIdentifierKind" NOT NULL,
    "identifier" VARCHAR(254) NOT NULL,

    CONSTRAINT "SignInIdentifier_pkey" PRIMARY KEY ("userId", "kind"),
    CONSTRAINT "SignInIdentifier_not_blank" CHECK (length(btrim("identifier")) > 0)
);

-- The same ICU expression as User_username_ci_key / User_email_ci_key, so "any letter
-- case" means the same thing everywhere, and lookups (lib/users/find-user.ts) use it.
CREATE UNIQUE INDEX "SignInIdentifier_identifier_ci_key"
    ON "SignInIdentifier" (lower("identifier" COLLATE "und-x-icu"));

-- Deferred: the BEFORE trigger writes the identifiers before the user row exists.
-- (Referential actions such as the cascade still happen at once: deleting a user frees
-- its identifiers.)
ALTER TABLE "SignInIdentifier" ADD CONSTRAINT "SignInIdentifier_userId_fkey"
    FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE
    DEFERRABLE INITIALLY DEFERRED;

-- What this migration found on an existing database: usernames that were another
-- account's email and so were left out of "SignInIdentifier".
CREATE TABLE "SignInIdentifierConflict" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "username" VARCHAR(150) NOT NULL,
    "heldByUserId" INTEGER NOT NULL,
    "detectedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInIdentifierConflict_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "SignInIdentifierConflict" ADD CONSTRAINT "SignInIdentifierConflict_userId_fkey"
    FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SignInIdentifierConflict" ADD CONSTRAINT "SignInIdentifierConflict_heldByUserId_fkey"
    FOREIGN KEY ("heldByUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Copy the existing identifiers: every email first (emails win), then every username
-- that is neither its own email nor already held.
INSERT INTO "SignInIdentifier" ("userId", "kind", "identifier")
SELECT "id",
       CASE WHEN lower("username" COLLATE "und-x-icu") = lower("email" COLLATE "und-x-icu")
            THEN 'both' ELSE 'email' END::"SignInIdentifierKind",
       "email"
FROM "User";

INSERT INTO "SignInIdentifierConflict" ("userId", "username", "heldByUserId")
SELECT u."id", u."username", i."userId"
FROM "User" u
JOIN "SignInIdentifier" i ON lower(i."identifier" COLLATE "und-x-icu") = lower(u."username" COLLATE "und-x-icu")
WHERE i."userId" <> u."id";

INSERT INTO "SignInIdentifier" ("userId", "kind", "identifier")
SELECT u."id", 'username', u."username"
FROM "User" u
WHERE lower(u."username" COLLATE "und-x-icu") <> lower(u."email" COLLATE "und-x-icu")
  AND NOT EXISTS (
      SELECT 1 FROM "SignInIdentifier" i
      WHERE lower(i."identifier" COLLATE "und-x-icu") = lower(u."username" COLLATE "und-x-icu"));

DO $$
DECLARE
    n INTEGER;
    ids TEXT;
BEGIN
    SELECT count(*), string_agg("userId"::text, ', ' ORDER BY "userId") INTO n, ids FROM "SignInIdentifierConflict";
    IF n > 0 THEN
        RAISE WARNING '% username(s) equal to another account''s email were not made sign-in identifiers (user ids: %); see table "SignInIdentifierConflict" and docs/identifiers.md', n, ids;
    END IF;
END;
$$;

CREATE FUNCTION "user_sign_in_identifiers"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    own BOOLEAN;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- Old rows that conflicted keep working until their username or email changes.
        IF NEW."username" IS NOT DISTINCT FROM OLD."username" AND NEW."email" IS NOT DISTINCT FROM OLD."email" THEN
            RETURN NEW;
        END IF;
        DELETE FROM "SignInIdentifier" WHERE "userId" = OLD."id";
    END IF;

    own := lower(NEW."username" COLLATE "und-x-icu") = lower(NEW."email" COLLATE "und-x-icu");

    -- The username first: when both collide, its refusal is the one reported.
    BEGIN
        INSERT INTO "SignInIdentifier" ("userId", "kind", "identifier")
        VALUES (NEW."id", CASE WHEN own THEN 'both' ELSE 'username' END::"SignInIdentifierKind",
                CASE WHEN own THEN NEW."email" ELSE NEW."username" END);
    EXCEPTION WHEN unique_violation THEN
        -- No value in the message: it may be an email address, and messages reach logs.
        RAISE EXCEPTION 'this username is another account''s sign-in identifier'
            USING ERRCODE = '23505', CONSTRAINT = 'SignInIdentifier_username_taken', TABLE = 'User';
    END;

    IF NOT own THEN
        BEGIN
            INSERT INTO "SignInIdentifier" ("userId", "kind", "identifier")
            VALUES (NEW."id", 'email', NEW."email");
        EXCEPTION WHEN unique_violation THEN
            RAISE EXCEPTION 'this email is another account''s sign-in identifier'
                USING ERRCODE = '23505', CONSTRAINT = 'SignInIdentifier_email_taken', TABLE = 'User';
        END;
    END IF;

    -- A username shaped like an address names that address's owner, so it must be the
    -- account's own email (an "@handle" or "name@" cannot be an address and is allowed).
    -- DETAIL repeats the constraint's name: Prisma's pg adapter passes DETAIL, not
    -- CONSTRAINT, for a check violation (lib/db/errors.ts checkViolation).
    IF NOT own AND NEW."username" ~ '.@.' THEN
        RAISE EXCEPTION 'a username that is an email address must be the account''s own email'
            USING ERRCODE = '23514', CONSTRAINT = 'User_username_is_own_email', TABLE = 'User',
                  DETAIL = 'User_username_is_own_email';
    END IF;

    RETURN NEW;
END;
$$;

CREATE TRIGGER "User_sign_in_identifiers"
    BEFORE INSERT OR UPDATE OF "username", "email" ON "User"
    FOR EACH ROW EXECUTE FUNCTION "user_sign_in_identifiers"();
