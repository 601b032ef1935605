import { Prisma } from "./generated/client";
import type { Tx } from "./transaction";

// SQL that the code spells in many places, named once. An index or lock change is made
// here and every query follows.

/** A column reference such as `"email"` or `u."email"` (fixed names from the code, never input). */
export function column(ref: string): Prisma.Sql {
  const m = /^(?:([a-z][a-z0-9_]*)\.)?([A-Za-z][A-Za-z0-9_]*)$/.exec(ref);
  if (!m) throw new Error(`not a column reference: ${ref}`);
  return Prisma.raw(m[1] ? `${m[1]}."${m[2]}"` : `"${m[2]}"`);
}

/**
 * The case-insensitive key of a column (a Prisma.Sql, e.g. column("email")) or a value (a
 * string, sent as a parameter): `lower(x COLLATE "und-x-icu")`, exactly as the unique
 * indexes on usernames, emails and sign-in identifiers spell it, so that a lookup is the
 * index's own comparison and can use it (migrations 20261201000100_sign_in_identifiers
 * and before).
 */
export function ciKey(x: Prisma.Sql | string): Prisma.Sql {
  return Prisma.sql`lower(${x} COLLATE "und-x-icu")`;
}

/** `a` and `b` name the same identifier in any letter case (see ciKey). */
export function ciEquals(a: Prisma.Sql | string, b: Prisma.Sql | string): Prisma.Sql {
  return Prisma.sql`${ciKey(a)} = ${ciKey(b)}`;
}

/**
 * `SELECT <columns> FROM "User" WHERE "id" = <id> [AND <condition>] FOR UPDATE`: the
 * user-row lock every change to an account's credentials, links or state takes first,
 * so that two such changes to one account run one after the other. `columns` defaults to
 * `1` (lock only).
 */
export function lockUserSql(id: number, columns: Prisma.Sql = Prisma.sql`1`, condition?: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT ${columns} FROM "User" WHERE "id" = ${id}${condition ? Prisma.sql` AND ${condition}` : Prisma.empty} FOR UPDATE`;
}

/** Locks the user's row for the rest of `tx` (lockUserSql); false when there is no such row. */
export async function lockUser(tx: Pick<Tx, "$queryRaw">, id: number): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>(lockUserSql(id));
  return rows.length > 0;
}

/** Locks the user's row and reads `columns` of it (lockUserSql): [] when there is no such row or `condition` fails. */
export function lockUserRow<T>(tx: Pick<Tx, "$queryRaw">, id: number, columns: Prisma.Sql, condition?: Prisma.Sql): Promise<T[]> {
  return tx.$queryRaw<T[]>(lockUserSql(id, columns, condition));
}
