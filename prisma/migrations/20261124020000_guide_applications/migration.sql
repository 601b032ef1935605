-- Guide applications: a user asks to teach, staff decide. The invariants are the
-- database's: one open (pending or approved) application per user is a partial unique
-- index; a decision carries its reviewer and time (CHECK).

CREATE TYPE "GuideApplicationStatus" AS ENUM ('pending', 'approved', 'rejected');

CREATE TABLE "GuideApplication" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "motivation" TEXT NOT NULL,
    "experience" TEXT,
    "subjectsToTeach" VARCHAR(255) NOT NULL,
    "referredById" INTEGER,
    "status" "GuideApplicationStatus" NOT NULL DEFAULT 'pending',
    "reviewedById" INTEGER,
    "reviewedAt" TIMESTAMPTZ(6),
    "adminNotes" TEXT,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuideApplication_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "GuideApplication_motivation_not_blank" CHECK (length(btrim("motivation")) > 0),
    CONSTRAINT "GuideApplication_subjects_not_blank" CHECK (length(btrim("subjectsToTeach")) > 0),
    -- A pending application has no review; a decided one has its time. (The reviewer
    -- may be NULL later: deleting a staff user keeps the decisions they made.)
    CONSTRAINT "GuideApplication_review_matches_status" CHECK (
        ("status" = 'pending' AND "reviewedAt" IS NULL AND "reviewedById" IS NULL)
        OR ("status" <> 'pending' AND "reviewedAt" IS NOT NULL)
    )
);

-- "At most one pending or approved application per user" (a rejected user may apply
-- again). lib/guide-applications/submit.ts maps this name to the refusal message.
CREATE UNIQUE INDEX "GuideApplication_one_open_per_user"
    ON "GuideApplication" ("userId") WHERE "status" IN ('pending', 'approved');

-- The staff list: pending first, oldest first; and "my latest application".
CREATE INDEX "GuideApplication_status_createdAt_idx" ON "GuideApplication" ("status", "createdAt");
CREATE INDEX "GuideApplication_userId_createdAt_idx" ON "GuideApplication" ("userId", "createdAt");

ALTER TABLE "GuideApplication" ADD CONSTRAINT "GuideApplication_userId_fkey"
    FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GuideApplication" ADD CONSTRAINT "GuideApplication_referredById_fkey"
    FOREIGN KEY ("referredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "GuideApplication" ADD CONSTRAINT "GuideApplication_reviewedById_fkey"
    FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
