-- Staff search for one or two characters (issue 14, docs/admin.md "Search and scale").
-- Trigrams cannot serve a pattern shorter than three characters, so `ILIKE '%zz%'` read the
-- three columns in full. These indexes hold, for each value, every distinct substring of
-- one or two characters of lower(value): "part of" for a 1- or 2-character search is
-- `short_grams(column) @> ARRAY[lower(search)]` (ILIKE in this UTF-8 database is lower()
-- LIKE lower(), so that containment is exact; the query still rechecks with LIKE).
-- A SQL-standard body is bound when created: it works under any search_path, and the
-- function lives in the schema the migrations run in, next to the indexes that use it.
CREATE FUNCTION short_grams(value text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN ARRAY(
    SELECT DISTINCT substr(lower(value), i, n)
    FROM generate_series(1, char_length(lower(value))) AS i, (VALUES (1), (2)) AS w(n)
    WHERE i + n - 1 <= char_length(lower(value))
  );

CREATE INDEX "User_username_grams_idx" ON "User" USING gin (short_grams("username"));
CREATE INDEX "User_email_grams_idx" ON "User" USING gin (short_grams("email"));
CREATE INDEX "Profile_displayName_grams_idx" ON "Profile" USING gin (short_grams("displayName"));
