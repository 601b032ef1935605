-- The staff dashboard (issue 14): superusers, fast partial search, keyset-ordered lists.

-- A superuser is a staff member who may grant and remove the staff flag. Never without it:
-- removing someone's staff flag removes this too (the domain does both in one update).
ALTER TABLE "User" ADD COLUMN "isSuperuser" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD CONSTRAINT "User_superuser_is_staff" CHECK (NOT "isSuperuser" OR "isStaff");

-- "Part of the name" search: ILIKE '%…%' on username, email and display name. Trigram GIN
-- indexes answer it without reading every row (3 characters or more; shorter searches
-- read the table). The database's builtin C.UTF-8 locale folds case for every Unicode
-- letter, in ILIKE and in the trigrams alike.
-- In "public", named with its schema: migrations may run with another search_path (the
-- drift test's own schema), and the extension exists once per database.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
CREATE INDEX "User_username_trgm_idx" ON "User" USING gin ("username" public.gin_trgm_ops);
CREATE INDEX "User_email_trgm_idx" ON "User" USING gin ("email" public.gin_trgm_ops);
CREATE INDEX "Profile_displayName_trgm_idx" ON "Profile" USING gin ("displayName" public.gin_trgm_ops);

-- Keyset pagination of the users list: newest (or oldest) joined first, and most recent
-- sign-in first (never signed in last); the id breaks ties.
CREATE INDEX "User_dateJoined_id_idx" ON "User" ("dateJoined", "id");
CREATE INDEX "User_lastLogin_id_idx" ON "User" ("lastLogin" DESC NULLS LAST, "id" DESC);

-- The overview's counts by time: invitations sent this month.
CREATE INDEX "TeacherInvitation_createdAt_idx" ON "TeacherInvitation" ("createdAt");
-- A person's page: invitations they received, and audit rows where they acted.
CREATE INDEX "TeacherInvitation_inviteeId_idx" ON "TeacherInvitation" ("inviteeId");
