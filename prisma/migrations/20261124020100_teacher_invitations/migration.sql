-- Teacher invitations. The token is never stored: only its SHA-256 (the token itself
-- has 256 random bits, so an unsalted hash cannot be reversed). Invariants held here:
-- one pending invitation per inviter and email (any letter case), a fixed 30-day
-- expiry, acceptance data present exactly when accepted. The monthly limit is held by
-- lib/invitations/send.ts serialising each inviter on a row lock of their profile.

CREATE TYPE "InvitationStatus" AS ENUM ('pending', 'accepted', 'expired', 'cancelled');

CREATE TABLE "TeacherInvitation" (
    "id" SERIAL NOT NULL,
    "inviterId" INTEGER NOT NULL,
    "inviteeEmail" VARCHAR(254) NOT NULL,
    "inviteeId" INTEGER,
    "tokenHash" VARCHAR(64) NOT NULL,
    "personalMessage" VARCHAR(500),
    "status" "InvitationStatus" NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedAt" TIMESTAMPTZ(6),
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "TeacherInvitation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "TeacherInvitation_email_has_at" CHECK (position('@' in "inviteeEmail") > 1),
    CONSTRAINT "TeacherInvitation_token_hash_hex" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "TeacherInvitation_expires_after_30_days" CHECK ("expiresAt" = "createdAt" + interval '30 days'),
    CONSTRAINT "TeacherInvitation_accepted_has_time" CHECK (("status" = 'accepted') = ("acceptedAt" IS NOT NULL))
);

CREATE UNIQUE INDEX "TeacherInvitation_tokenHash_key" ON "TeacherInvitation"("tokenHash");

-- Same case folding as User_email_ci_key. lib/invitations/send.ts maps this name.
CREATE UNIQUE INDEX "TeacherInvitation_one_pending_per_email"
    ON "TeacherInvitation" ("inviterId", lower("inviteeEmail" COLLATE "und-x-icu"))
    WHERE "status" = 'pending';

-- The monthly count and the inviter's list; the staff search by email.
CREATE INDEX "TeacherInvitation_inviterId_createdAt_idx" ON "TeacherInvitation" ("inviterId", "createdAt");
CREATE INDEX "TeacherInvitation_status_createdAt_idx" ON "TeacherInvitation" ("status", "createdAt");
CREATE INDEX "TeacherInvitation_inviteeEmail_ci_idx"
    ON "TeacherInvitation" (lower("inviteeEmail" COLLATE "und-x-icu"));

ALTER TABLE "TeacherInvitation" ADD CONSTRAINT "TeacherInvitation_inviterId_fkey"
    FOREIGN KEY ("inviterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TeacherInvitation" ADD CONSTRAINT "TeacherInvitation_inviteeId_fkey"
    FOREIGN KEY ("inviteeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
