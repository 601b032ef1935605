import type { Db } from "../db/client";
import type { Tx } from "../db/transaction";

// Google identities of accounts (table LinkedIdentity, migration 20261206000100): found by
// Google's subject, the only stable name Google gives a person; the address is a hint.

const PROVIDER = "google";

/** The account this Google subject is linked to, or null. */
export async function accountByGoogleSubject(db: Db | Tx, subject: string): Promise<number | null> {
  const row = await db.linkedIdentity.findUnique({ where: { provider_subject: { provider: PROVIDER, subject } }, select: { userId: true } });
  return row?.userId ?? null;
}

/** The subject of the account's Google identity, or null (read under the caller's user row lock). */
export async function googleSubjectOf(tx: Tx, userId: number): Promise<string | null> {
  const row = await tx.linkedIdentity.findUnique({ where: { userId_provider: { userId, provider: PROVIDER } }, select: { subject: true } });
  return row?.subject ?? null;
}

/**
 * Links the subject to the account; the two unique indexes decide. Returns false when
 * either is taken (the account got another subject, or the subject another account,
 * since the caller looked): the caller refuses and rolls back.
 */
export async function linkGoogleSubject(tx: Tx, userId: number, subject: string, email: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "LinkedIdentity" ("userId", "provider", "subject", "email", "lastUsedAt")
    VALUES (${userId}, ${PROVIDER}, ${subject}, ${email}, now())
    ON CONFLICT DO NOTHING
    RETURNING "id"`;
  return rows.length === 1;
}

export async function touchGoogleSubject(tx: Tx, userId: number, subject: string): Promise<void> {
  await tx.linkedIdentity.updateMany({ where: { userId, provider: PROVIDER, subject }, data: { lastUsedAt: new Date() } });
}
