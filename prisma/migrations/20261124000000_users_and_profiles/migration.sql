-- Users and their profiles. Every invariant here is the database's, not the app's:
-- the app's pre-checks only give nicer messages faster.

CREATE TYPE "Role" AS ENUM ('explorer', 'guide', 'both');

CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" VARCHAR(150) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "isStaff" BOOLEAN NOT NULL DEFAULT false,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "dateJoined" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLogin" TIMESTAMPTZ(6),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "User_username_not_blank" CHECK (length(btrim("username")) > 0),
    CONSTRAINT "User_email_has_at" CHECK (position('@' in "email") > 1)
);

-- Case-insensitive uniqueness. The ICU root collation makes lower() fold every
-- Unicode letter the same way whatever locale the database was created with
-- (a "C" database would only fold ASCII). lib/db/errors.ts maps these names to
-- the API's messages, so renaming one is a breaking change.
CREATE UNIQUE INDEX "User_username_ci_key" ON "User" (lower("username" COLLATE "und-x-icu"));
CREATE UNIQUE INDEX "User_email_ci_key" ON "User" (lower("email" COLLATE "und-x-icu"));

CREATE TABLE "Profile" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'explorer',
    "bio" TEXT,
    "displayName" VARCHAR(60),
    "activeGuide" BOOLEAN NOT NULL DEFAULT false,
    "canInviteTeachers" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Profile_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Profile_userId_key" ON "Profile"("userId");

ALTER TABLE "Profile" ADD CONSTRAINT "Profile_userId_fkey"
    FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- "Exactly one profile per user": the unique index above gives "at most one";
-- these deferred triggers give "at least one", checked at COMMIT so that user and
-- profile can be inserted in either order inside one transaction.
CREATE FUNCTION "user_must_have_profile"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    uid INTEGER;
BEGIN
    -- Separate branches: plpgsql resolves NEW/OLD fields only when a branch runs.
    IF TG_TABLE_NAME = 'User' THEN
        uid := NEW."id";
    ELSE
        uid := OLD."userId";
    END IF;
    IF EXISTS (SELECT 1 FROM "User" WHERE "id" = uid)
       AND NOT EXISTS (SELECT 1 FROM "Profile" WHERE "userId" = uid) THEN
        RAISE EXCEPTION 'User % has no profile', uid
            USING ERRCODE = '23514', CONSTRAINT = 'User_requires_profile';
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "User_requires_profile"
    AFTER INSERT ON "User"
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "user_must_have_profile"();

CREATE CONSTRAINT TRIGGER "Profile_required_by_user"
    AFTER DELETE OR UPDATE OF "userId" ON "Profile"
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "user_must_have_profile"();
