-- The whole live Profile and UserPreference (issue 22 point 2). Column names mirror the
-- live Django columns in camelCase so lib/import-django maps them one to one. Sizes are
-- never smaller than what the live MySQL tables hold (the fixture's teacher_tagline is
-- varchar(150) although the model says 120), so an import never truncates.

-- Image columns hold a storage key relative to the media root, as Django's ImageField
-- held a path relative to MEDIA_ROOT; imported paths keep working unchanged.
ALTER TABLE "Profile"
    ADD COLUMN "profileImage" VARCHAR(255),
    ADD COLUMN "teacherTagline" VARCHAR(150),
    ADD COLUMN "teacherAbout" TEXT,
    ADD COLUMN "teachingSpecialties" VARCHAR(255),
    ADD COLUMN "showcaseImage1" VARCHAR(255),
    ADD COLUMN "showcaseImage1Caption" VARCHAR(200),
    ADD COLUMN "showcaseImage2" VARCHAR(255),
    ADD COLUMN "showcaseImage2Caption" VARCHAR(200),
    ADD COLUMN "showcaseImage3" VARCHAR(255),
    ADD COLUMN "showcaseImage3Caption" VARCHAR(200),
    -- Ids of the live tags.Tag rows (an app that stays on Django): no foreign key can
    -- point at them here, so they are kept as the ids the live frontend sends and reads.
    ADD COLUMN "showcaseImage1Tags" INTEGER[] NOT NULL DEFAULT '{}',
    ADD COLUMN "showcaseImage2Tags" INTEGER[] NOT NULL DEFAULT '{}',
    ADD COLUMN "showcaseImage3Tags" INTEGER[] NOT NULL DEFAULT '{}',
    ADD COLUMN "youtubeUrl" VARCHAR(200),
    ADD COLUMN "linkedinUrl" VARCHAR(200),
    ADD COLUMN "twitterUrl" VARCHAR(200),
    ADD COLUMN "websiteUrl" VARCHAR(200),
    ADD COLUMN "introVideoUrl" VARCHAR(200),
    -- Scores are computed by other Django apps and only carried here (read-only in the API).
    ADD COLUMN "growthScore" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "impactScore" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "overallAbilityScore" DOUBLE PRECISION,
    ADD COLUMN "abilityRank" INTEGER,
    ADD COLUMN "lastAbilityUpdate" TIMESTAMPTZ(6),
    ADD COLUMN "emailNotifications" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "mailMagazineEnabled" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "locale" VARCHAR(10) NOT NULL DEFAULT 'en',
    ADD CONSTRAINT "Profile_scores_not_negative" CHECK ("growthScore" >= 0 AND "impactScore" >= 0),
    ADD CONSTRAINT "Profile_locale_known" CHECK ("locale" IN ('en', 'ja')),
    ADD CONSTRAINT "Profile_showcase_tags_no_nulls" CHECK (
        array_position("showcaseImage1Tags", NULL) IS NULL
        AND array_position("showcaseImage2Tags", NULL) IS NULL
        AND array_position("showcaseImage3Tags", NULL) IS NULL);

-- The public guide list (role guide/both, newest first) and its search by username.
CREATE INDEX "Profile_role_createdAt_idx" ON "Profile" ("role", "createdAt");

-- One row per user, created lazily (INSERT ... ON CONFLICT ("userId") DO NOTHING), so a
-- user without one is normal and two first requests never collide.
CREATE TABLE "UserPreference" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "languagesSpoken" JSONB NOT NULL DEFAULT '[]',
    -- Ids of the live subjects.Subject and tags.Tag rows (apps that stay on Django).
    "interestedSubjects" INTEGER[] NOT NULL DEFAULT '{}',
    "interestedTags" INTEGER[] NOT NULL DEFAULT '{}',
    "location" VARCHAR(255),
    "bio" TEXT,
    "nativeLanguage" VARCHAR(10) NOT NULL DEFAULT 'en',
    "reportLanguage" VARCHAR(10) NOT NULL DEFAULT 'en',
    "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserPreference_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "UserPreference_languages_is_list" CHECK (jsonb_typeof("languagesSpoken") = 'array'),
    CONSTRAINT "UserPreference_ids_no_nulls" CHECK (
        array_position("interestedSubjects", NULL) IS NULL AND array_position("interestedTags", NULL) IS NULL),
    -- The live daily-report audio's languages (dailycast); not UI languages.
    CONSTRAINT "UserPreference_native_language_known"
        CHECK ("nativeLanguage" IN ('en', 'ja', 'es', 'fr', 'de', 'zh', 'ko')),
    CONSTRAINT "UserPreference_report_language_known"
        CHECK ("reportLanguage" IN ('en', 'ja', 'es', 'fr', 'de', 'zh', 'ko'))
);

CREATE UNIQUE INDEX "UserPreference_userId_key" ON "UserPreference" ("userId");

ALTER TABLE "UserPreference" ADD CONSTRAINT "UserPreference_userId_fkey"
    FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
