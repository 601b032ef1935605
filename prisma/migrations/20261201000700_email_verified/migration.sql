-- When the account's email address was proven (issue 11): a verification link, a
-- password reset, an invitation accepted from its email, a verified Google sign-in, or
-- staff marking it. NULL = never proven. Sending invitations and being promoted on
-- someone's behalf need it; sign-in does not.
ALTER TABLE "User" ADD COLUMN "emailVerifiedAt" TIMESTAMPTZ(6);

-- Changing the address un-proves it: a trigger, so every path (profile edit, staff,
-- import) forgets the proof of the old address without remembering to.
CREATE FUNCTION "user_email_change_unverifies"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF lower(NEW."email" COLLATE "und-x-icu") IS DISTINCT FROM lower(OLD."email" COLLATE "und-x-icu")
       AND NEW."emailVerifiedAt" IS NOT DISTINCT FROM OLD."emailVerifiedAt" THEN
        NEW."emailVerifiedAt" := NULL;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "User_email_change_unverifies"
    BEFORE UPDATE OF "email" ON "User"
    FOR EACH ROW EXECUTE FUNCTION "user_email_change_unverifies"();
