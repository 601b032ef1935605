-- Issue 24 (PostgreSQL CPU per sign-up): the sign-in identifier trigger of
-- 20261201000100 / 20261201000610 caught unique_violation in two BEGIN … EXCEPTION
-- blocks, and PL/pgSQL opens a subtransaction for every such block it enters: two
-- subtransactions (and their xid bookkeeping) for every sign-up and every username or
-- email change. Same rules, same refusals, no subtransaction: each identifier is
-- inserted with ON CONFLICT DO NOTHING on the case-insensitive unique index itself
-- (SignInIdentifier_identifier_ci_key, the arbiter), and "nothing inserted" raises the
-- same named error. The index still decides: a concurrent insert of the same identifier
-- is waited for, and if it commits this one inserts nothing and is refused, exactly as
-- the unique violation did.
CREATE OR REPLACE FUNCTION "user_sign_in_identifiers"() RETURNS trigger
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

    -- COALESCE: an account imported without a usable email (NULL) has only its username.
    own := COALESCE(lower(NEW."username" COLLATE "und-x-icu") = lower(NEW."email" COLLATE "und-x-icu"), false);

    -- The username first: when both collide, its refusal is the one reported.
    INSERT INTO "SignInIdentifier" ("userId", "kind", "identifier")
    VALUES (NEW."id", CASE WHEN own THEN 'both' ELSE 'username' END::"SignInIdentifierKind",
            CASE WHEN own THEN NEW."email" ELSE NEW."username" END)
    ON CONFLICT ((lower("identifier" COLLATE "und-x-icu"))) DO NOTHING;
    IF NOT FOUND THEN
        -- No value in the message: it may be an email address, and messages reach logs.
        RAISE EXCEPTION 'this username is another account''s sign-in identifier'
            USING ERRCODE = '23505', CONSTRAINT = 'SignInIdentifier_username_taken', TABLE = 'User';
    END IF;

    IF NOT own AND NEW."email" IS NOT NULL THEN
        INSERT INTO "SignInIdentifier" ("userId", "kind", "identifier")
        VALUES (NEW."id", 'email', NEW."email")
        ON CONFLICT ((lower("identifier" COLLATE "und-x-icu"))) DO NOTHING;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'this email is another account''s sign-in identifier'
                USING ERRCODE = '23505', CONSTRAINT = 'SignInIdentifier_email_taken', TABLE = 'User';
        END IF;
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
