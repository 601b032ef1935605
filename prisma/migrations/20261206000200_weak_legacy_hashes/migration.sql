-- Weak legacy password hashes (review N-L4): Django's MD5 forms (salted "md5$salt$…",
-- unsalted "md5$$…", bare 32 hex digits), SHA-1, crypt and PBKDF2 under 100,000
-- iterations are as good as the password to whoever copies the database. They are no
-- longer accepted at sign-in (lib/users/legacy-hashers.ts isWeakLegacyHash), so they are
-- dropped here too: replaced by the unusable marker '!reset-required', for which sign-in
-- answers "must be reset" and the person resets the password by email. The import
-- (lib/import-django/repair-users.ts) stores the marker for such hashes from now on.
-- Data only: no table or column changes (nothing for schema.prisma to mirror).
UPDATE "User" SET "passwordHash" = '!reset-required'
WHERE "passwordHash" ~ '^(md5|sha1|crypt|unsalted_md5|unsalted_sha1)\$'
   OR "passwordHash" ~* '^[0-9a-f]{32}$'
   OR CASE WHEN "passwordHash" ~ '^pbkdf2_sha(1|256)\$[0-9]{1,9}\$'
           THEN split_part("passwordHash", '$', 2)::int < 100000
           ELSE false END;
