import type { Tx } from "../db/transaction";
import { linkTtlMinutes, type LinkPurpose } from "./config";
import { hashLinkSecret, newLinkSecret } from "./token";
import { lockUser } from "../db/sql";

/**
 * A new link of `purpose` for the user, in the caller's transaction (whose email carries
 * the secret, through the outbox). It replaces every earlier link of that purpose, spent
 * or not: the user's row is locked first so that two requests at once queue instead of
 * colliding on the one-unspent-link index. Expiry is counted on the database's clock.
 * Returns the secret; only its hash is stored.
 */
export async function issueLink(tx: Tx, link: { userId: number; email: string; purpose: LinkPurpose }): Promise<string> {
  await lockUser(tx, link.userId);
  await tx.$executeRaw`DELETE FROM "OneTimeLink" WHERE "userId" = ${link.userId} AND "purpose" = ${link.purpose}::"OneTimeLinkPurpose"`;
  const secret = newLinkSecret();
  await tx.$executeRaw`
    INSERT INTO "OneTimeLink" ("userId", "purpose", "email", "tokenHash", "expiresAt")
    VALUES (${link.userId}, ${link.purpose}::"OneTimeLinkPurpose", ${link.email}, ${hashLinkSecret(secret)},
            now() + make_interval(mins => ${linkTtlMinutes(link.purpose)}::int))`;
  return secret;
}

/**
 * Work of the same shape as issueLink plus its email for an address with no account, so
 * that the answer takes about as long either way: the same statements match no row, and
 * a link-sized and an email-sized row are written and rolled back to a savepoint. The
 * transaction thus gets an id and its commit flushes the write-ahead log as a real one
 * does; nothing of it remains.
 */
export async function issueNoLink(tx: Tx, purpose: LinkPurpose, email: string): Promise<void> {
  // The same lock statement on an id no account has (ids start at 1).
  await lockUser(tx, 0);
  await tx.$executeRaw`DELETE FROM "OneTimeLink" WHERE "userId" = 0 AND "purpose" = ${purpose}::"OneTimeLinkPurpose"`;
  const secret = newLinkSecret();
  await tx.$executeRaw`SAVEPOINT no_link`;
  await tx.$executeRaw`
    INSERT INTO "Outbox" ("kind", "to", "subject", "text")
    VALUES ('no_link', ${placeholderAddress(email)}, ${"x".repeat(40)}, ${`${hashLinkSecret(secret)} `.repeat(6)})`;
  await tx.$executeRaw`ROLLBACK TO SAVEPOINT no_link`;
}

/** Kills the user's unspent links of these purposes (a password change or reset kills reset and magic links). */
export async function killLinks(tx: Tx, userId: number, purposes: LinkPurpose[]): Promise<number> {
  if (purposes.length === 0) return 0;
  return tx.oneTimeLink.deleteMany({ where: { userId, purpose: { in: purposes }, usedAt: null } }).then((r) => r.count);
}

/** An address of the same length as the one asked for (the row is rolled back; a malformed request must not trip the CHECKs). */
function placeholderAddress(email: string): string {
  return `x@${"x".repeat(Math.min(250, Math.max(1, email.length - 2)))}`;
}
