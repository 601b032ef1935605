-- Counters of rate-limiter-flexible's PostgreSQL store (RateLimiterPostgres), shared by
-- every app process: brute-force protection of sign-in and registration. The columns
-- are exactly the ones the library reads and writes; the app passes tableCreated so the
-- library never creates or alters this table at runtime.
-- "key" is "<prefix>:<limiter>:<subject>", "points" the attempts counted in the current
-- window, "expire" the end of that window in epoch milliseconds.
CREATE TABLE "RateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- The library deletes rows that expired an hour ago every few minutes.
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit" ("expire");
