-- Who did what to which record, and when. Append-only: a trigger refuses edits and
-- deletions, except the foreign key's own "actor deleted -> NULL".

CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER,
    "action" VARCHAR(64) NOT NULL,
    "targetType" VARCHAR(64) NOT NULL,
    "targetId" INTEGER,
    "notes" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AuditLog_action_format" CHECK ("action" ~ '^[a-z_]+(\.[a-z_]+)+$')
);

CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog" ("createdAt");
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog" ("targetType", "targetId");
CREATE INDEX "AuditLog_actorId_idx" ON "AuditLog" ("actorId");

ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey"
    FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE FUNCTION "audit_log_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW."actorId" IS NULL
       AND (NEW."action", NEW."targetType", NEW."targetId", NEW."notes", NEW."details", NEW."createdAt")
           IS NOT DISTINCT FROM (OLD."action", OLD."targetType", OLD."targetId", OLD."notes", OLD."details", OLD."createdAt") THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'AuditLog is append-only'
        USING ERRCODE = '23514', CONSTRAINT = 'AuditLog_append_only';
END;
$$;

CREATE TRIGGER "AuditLog_append_only"
    BEFORE UPDATE OR DELETE ON "AuditLog"
    FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
