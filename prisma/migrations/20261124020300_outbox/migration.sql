-- Outgoing email, written in the same transaction as the business change that causes
-- it and delivered later by lib/outbox/worker.ts. A worker claims due rows with
-- FOR UPDATE SKIP LOCKED and pushes "nextAttemptAt" past a lease, so several worker
-- processes never send one message twice. Without SMTP the message is "delivered" to
-- the dev mailbox ("deliveredVia" = 'dev_mailbox'): the row itself is the mailbox.

CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'delivered', 'failed');

CREATE TABLE "Outbox" (
    "id" SERIAL NOT NULL,
    "kind" VARCHAR(64) NOT NULL,
    "to" VARCHAR(254) NOT NULL,
    "subject" VARCHAR(255) NOT NULL,
    "text" TEXT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMPTZ(6),
    "deliveredVia" VARCHAR(16),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Outbox_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Outbox_to_has_at" CHECK (position('@' in "to") > 1),
    CONSTRAINT "Outbox_attempts_non_negative" CHECK ("attempts" >= 0),
    CONSTRAINT "Outbox_delivered_has_time" CHECK (("status" = 'delivered') = ("deliveredAt" IS NOT NULL)),
    CONSTRAINT "Outbox_delivered_via" CHECK (
        ("status" = 'delivered' AND "deliveredVia" IN ('smtp', 'dev_mailbox'))
        OR ("status" <> 'delivered' AND "deliveredVia" IS NULL)
    )
);

-- What the workers poll: due pending rows.
CREATE INDEX "Outbox_due_idx" ON "Outbox" ("nextAttemptAt") WHERE "status" = 'pending';
CREATE INDEX "Outbox_createdAt_idx" ON "Outbox" ("createdAt");
