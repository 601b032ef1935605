-- One-time link secrets (an invitation's token; later reset, verification, magic links)
-- exist in clear only in the email that carries them. The enqueuer stores the message
-- text without the secret, the secret in "secret", and where it goes in "secretAt"
-- (a character offset into "text"). The delivery puts it back into the message it sends
-- and, in the same UPDATE that ends the row's life (delivered or failed), sets it to
-- NULL. Staff pages show "[redacted]" in its place, before delivery too.

ALTER TABLE "Outbox" ADD COLUMN "secret" TEXT;
ALTER TABLE "Outbox" ADD COLUMN "secretAt" INTEGER;

-- Rows written before this migration kept the token inside "text" (as "?token=…").
-- Pending ones: move the token out, so it is still delivered and then removed.
UPDATE "Outbox" o
SET "secret" = m."tok",
    "secretAt" = strpos(o."text", 'token=' || m."tok") + 5,
    "text" = overlay(o."text" PLACING '' FROM strpos(o."text", 'token=' || m."tok") + 6 FOR char_length(m."tok"))
FROM (
    SELECT "id", substring("text" FROM '[?&]token=([A-Za-z0-9_-]+)') AS "tok"
    FROM "Outbox" WHERE "status" = 'pending'
) m
WHERE o."id" = m."id" AND m."tok" IS NOT NULL;

-- Delivered or failed ones: the email already went (or never will); scrub the copy.
UPDATE "Outbox"
SET "text" = regexp_replace("text", '([?&]token=)[^&[:space:]"''<>]+', '\1[redacted]', 'g')
WHERE "status" <> 'pending' AND "text" ~ '[?&]token=';

ALTER TABLE "Outbox"
    ADD CONSTRAINT "Outbox_secret_has_place" CHECK ("secret" IS NULL OR ("secret" <> '' AND "secretAt" IS NOT NULL)),
    ADD CONSTRAINT "Outbox_secretAt_in_text" CHECK ("secretAt" IS NULL OR "secretAt" BETWEEN 0 AND char_length("text")),
    -- A delivered (or given-up) message keeps no secret: the email is its only copy.
    ADD CONSTRAINT "Outbox_secret_only_pending" CHECK ("status" = 'pending' OR "secret" IS NULL);
