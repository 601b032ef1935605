-- Issue 23: "a member whose browser asks for Japanese sees every account page in Japanese".
-- Profile.locale defaults to 'en' for every account (as the live schema does), so a saved
-- 'en' that nobody chose would outrank the browser forever. "localeChosenAt" says the
-- member chose: only then does the saved locale come before the cookie and the browser
-- (lib/i18n/request-locale.ts).
ALTER TABLE "Profile" ADD COLUMN "localeChosenAt" TIMESTAMPTZ(6);

-- Every way a locale is written counts as a choice: the language switch, the old API's
-- profile PATCH, a sign-up on a Japanese page, the Django import of a non-default value.
-- One trigger, so no path can forget it. (The switch also marks a choice of the value
-- already saved: lib/i18n/switch-language.ts.)
CREATE FUNCTION "profile_locale_chosen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."locale" <> 'en' THEN NEW."localeChosenAt" := coalesce(NEW."localeChosenAt", now()); END IF;
  ELSIF NEW."locale" IS DISTINCT FROM OLD."locale" THEN
    NEW."localeChosenAt" := now();
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Profile_locale_chosen"
    BEFORE INSERT OR UPDATE OF "locale" ON "Profile"
    FOR EACH ROW EXECUTE FUNCTION "profile_locale_chosen"();

-- Rows already there: a saved 'ja' was somebody's choice; a saved 'en' is the default.
UPDATE "Profile" SET "localeChosenAt" = now() WHERE "locale" <> 'en';
