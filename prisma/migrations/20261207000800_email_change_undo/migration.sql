-- Undoing an email change from the address it took away (lib/email-change/undo.ts). The
-- notice to the old address carries a one-time link for 7 days; only its secret's SHA-256
-- is kept here, on the change it undoes. One conditional UPDATE spends it ("undoneAt"), so
-- it works once however many presses race.
ALTER TABLE "EmailChange" ADD COLUMN "undoTokenHash" VARCHAR(64);
ALTER TABLE "EmailChange" ADD COLUMN "undoExpiresAt" TIMESTAMPTZ(6);
ALTER TABLE "EmailChange" ADD COLUMN "undoneAt" TIMESTAMPTZ(6);

-- An undo link exists only on a change that was made, with its secret's hash and its end
-- together; it is spent at most once, after the change.
ALTER TABLE "EmailChange" ADD CONSTRAINT "EmailChange_undo_shape" CHECK (
    ("undoTokenHash" IS NULL) = ("undoExpiresAt" IS NULL)
    AND ("undoTokenHash" IS NULL OR ("usedAt" IS NOT NULL AND "undoTokenHash" ~ '^[0-9a-f]{64}$' AND "undoExpiresAt" > "usedAt"))
    AND ("undoneAt" IS NULL OR ("undoTokenHash" IS NOT NULL AND "undoneAt" >= "usedAt"))
);
CREATE UNIQUE INDEX "EmailChange_undoTokenHash_key" ON "EmailChange" ("undoTokenHash");
