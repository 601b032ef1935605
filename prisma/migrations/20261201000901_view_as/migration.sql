-- "View as" (issue 14 point 4): a staff member's own browser session shows the site as a
-- non-staff member for at most an hour. The session row says so; every read of the
-- session (userForSession) then answers with that member, flagged, and every change of
-- account security refuses while the flag is set (docs/admin.md).
ALTER TABLE "Session" ADD COLUMN "viewAsUserId" INTEGER;
ALTER TABLE "Session" ADD COLUMN "viewAsUntil" TIMESTAMPTZ(6);
-- The member's deletion ends the viewing, not the staff member's session.
ALTER TABLE "Session" ADD CONSTRAINT "Session_viewAsUserId_fkey"
    FOREIGN KEY ("viewAsUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Session" ADD CONSTRAINT "Session_view_as_has_end"
    CHECK ("viewAsUserId" IS NULL OR "viewAsUntil" IS NOT NULL);
ALTER TABLE "Session" ADD CONSTRAINT "Session_view_as_not_self"
    CHECK ("viewAsUserId" IS NULL OR "viewAsUserId" <> "userId");

-- Whatever path writes the row: only an active staff member's session views, only a
-- non-staff member, and for at most an hour from now.
CREATE FUNCTION "session_view_as_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."viewAsUserId" IS NULL THEN
        RETURN NEW;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."userId" AND "isStaff" AND "isActive") THEN
        RAISE EXCEPTION 'only an active staff member''s session can view as someone'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'Session_view_as_by_staff';
    END IF;
    IF EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."viewAsUserId" AND "isStaff") THEN
        RAISE EXCEPTION 'staff accounts cannot be viewed as'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'Session_view_as_not_staff';
    END IF;
    IF NEW."viewAsUntil" > now() + interval '1 hour' THEN
        RAISE EXCEPTION 'viewing as someone lasts at most an hour'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'Session_view_as_one_hour';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "Session_view_as_guard"
    BEFORE INSERT OR UPDATE OF "viewAsUserId", "viewAsUntil" ON "Session"
    FOR EACH ROW EXECUTE FUNCTION "session_view_as_guard"();
